using System.Security.Cryptography;
using System.Text;

namespace StreamChat.Client.Tests;

/// <summary>Checks an HS256 signature with the framework's HMAC, independently of the library's own code.</summary>
internal static class Hs256
{
    public static bool IsSignedWith(byte[] secret, string token)
    {
        var lastDot = token.LastIndexOf('.');
        var expected = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(token[..lastDot]));
        return token[(lastDot + 1)..] == TokenTests.Base64Url(expected);
    }

    public static bool IsSignedWith(string secret, string token) => IsSignedWith(Encoding.UTF8.GetBytes(secret), token);
}
