namespace StreamChat.Jwt;

/// <summary>The names of the claims the chat protocol and JWT give a meaning to.</summary>
public static class JwtClaimNames
{
    /// <summary>The user the token is for: <c>user_id</c>.</summary>
    public const string UserId = "user_id";

    /// <summary>Expiry time in seconds since the Unix epoch: <c>exp</c>.</summary>
    public const string ExpiresAt = "exp";

    /// <summary>Issue time in seconds since the Unix epoch: <c>iat</c>.</summary>
    public const string IssuedAt = "iat";

    /// <summary>Not-before time in seconds since the Unix epoch: <c>nbf</c>.</summary>
    public const string NotBefore = "nbf";

    /// <summary>Marks a server token: <c>server</c>.</summary>
    public const string Server = "server";

    internal static System.ReadOnlySpan<byte> UserIdUtf8 => "user_id"u8;

    internal static System.ReadOnlySpan<byte> ExpiresAtUtf8 => "exp"u8;

    internal static System.ReadOnlySpan<byte> IssuedAtUtf8 => "iat"u8;

    internal static System.ReadOnlySpan<byte> NotBeforeUtf8 => "nbf"u8;
}
