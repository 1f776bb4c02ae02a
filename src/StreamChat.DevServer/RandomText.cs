using System.Buffers.Text;
using System.Security.Cryptography;

namespace StreamChat.DevServer;

/// <summary>URL-safe random text for generated keys, secrets and session ids.</summary>
internal static class RandomText
{
    /// <summary><paramref name="bytes"/> random bytes as unpadded base64url.</summary>
    public static string Create(int bytes) => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(bytes));
}
