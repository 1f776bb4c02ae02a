namespace StreamChat.Jwt;

/// <summary>
/// The names of the claims the chat protocol and JWT give a meaning to. They are reserved: a claims record, the custom
/// claims of a user token and the token validator all treat them alike.
/// </summary>
public static class JwtClaimNames
{
    /// <summary>The user the token is for: <c>user_id</c>.</summary>
    public const string UserId = ReservedClaims.UserId;

    /// <summary>Expiry time in seconds since the Unix epoch: <c>exp</c>.</summary>
    public const string ExpiresAt = ReservedClaims.ExpiresAt;

    /// <summary>Issue time in seconds since the Unix epoch: <c>iat</c>.</summary>
    public const string IssuedAt = ReservedClaims.IssuedAt;

    /// <summary>Not-before time in seconds since the Unix epoch: <c>nbf</c>.</summary>
    public const string NotBefore = ReservedClaims.NotBefore;

    /// <summary>Marks a server token: <c>server</c>.</summary>
    public const string Server = ReservedClaims.Server;
}
