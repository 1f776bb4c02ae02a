using System;

namespace StreamChat.Jwt;

/// <summary>The facts of HS256 that the signer (StreamChat.Client) and the validator (StreamChat.Server) share.</summary>
internal static class Hs256
{
    /// <summary>The shortest secret accepted, in bytes: HS256 needs a key at least as long as its 256-bit hash.</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>
    /// The header of every token signed here, and of development tokens: <c>{"alg":"HS256","typ":"JWT"}</c>,
    /// base64url-encoded. The official SDKs write the same header, so readers compare against it before decoding one.
    /// </summary>
    public const string HeaderSegment = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    /// <summary><see cref="HeaderSegment"/> as ASCII bytes.</summary>
    public static ReadOnlySpan<byte> HeaderSegmentUtf8 => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"u8;

    /// <summary>Refuses a secret too short for HS256, with the message every secret-taking API gives.</summary>
    /// <exception cref="ArgumentException">The secret is shorter than <see cref="MinimumSecretLength"/> bytes.</exception>
    public static void EnsureSecretLength(int byteCount, string parameterName)
    {
        if (byteCount < MinimumSecretLength)
        {
            throw new ArgumentException(
                $"The API secret is {byteCount} bytes long; HS256 needs at least {MinimumSecretLength}. " +
                "Use the secret of your chat app as it is, or generate one with at least 32 random bytes.",
                parameterName);
        }
    }
}
