using System.IdentityModel.Tokens.Jwt;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>Checks tokens with Microsoft's JWT handler and the framework's HMAC, implementations independent of ours.</summary>
internal static class JwtAssert
{
    public const string Secret = "a-test-secret-that-is-at-least-32-bytes-long";

    /// <summary>Whether the token's HS256 signature is the framework HMAC of its header and payload with <see cref="Secret"/>.</summary>
    public static bool IsSignedWithSecret(Token token)
    {
        var raw = token.RawValue;
        var lastDot = raw.LastIndexOf('.');
        var mac = System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(raw[..lastDot]));
        return raw[(lastDot + 1)..] == Base64UrlEncoder.Encode(mac);
    }

    /// <summary>Validates signature and lifetime, and returns the payload as the handler read it.</summary>
    public static JsonElement ValidatedPayload(Token token)
    {
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
        };

        handler.ValidateToken(token.RawValue, parameters, out var validated);
        var payload = ((JwtSecurityToken)validated).Payload.SerializeToJson();
        using var document = JsonDocument.Parse(payload);
        return document.RootElement.Clone();
    }
}
