using System;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>
/// The claims of a user token as a server signs them. Every <see cref="TokenClaimsAttribute"/> record implements it
/// through the generated code, so a token endpoint (StreamChat.Server.AspNetCore's <c>MapChatTokenEndpoint</c>) can
/// sign any claims record without reflection.
/// </summary>
public interface ITokenClaims
{
    /// <summary>The user the token is for: the <c>user_id</c> claim.</summary>
    string UserId { get; }

    /// <summary>Signs these claims into a compact HS256 token with <c>iat</c> = <paramref name="issuedAt"/> and <c>exp</c> = <paramref name="issuedAt"/> + <paramref name="lifetime"/>.</summary>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long the token is valid; more than zero.</param>
    /// <param name="issuedAt">The issue time. Claims are whole seconds.</param>
    /// <returns>The signed token as <c>header.payload.signature</c>. Treat it as a secret.</returns>
    string SignCompact(JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt);
}
