using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StreamChat.Server.Tests.Differential;

/// <summary>
/// The reference: <see cref="JsonWebTokenHandler"/> configured as the validator was before it had its own engine (HS256
/// only, lifetime left to the protocol's checks), and those checks on top, written here again with
/// <see cref="JsonDocument"/> over the payload the handler decoded — nothing of the library's own parsing.
/// </summary>
internal sealed class ReferenceValidator(string secret, TimeProvider clock, TimeSpan skew)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly string[] Reserved = ["user_id", "exp", "iat", "nbf", "server"];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters = new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(secret)),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ValidateIssuerSigningKey = true,
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = false,
        RequireExpirationTime = false,
        RequireSignedTokens = true,
    };

    public async Task<StreamErrorCode> ValidateAsync(string token, Func<string?, DateTimeOffset?>? revokedBefore)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return StreamErrorCode.AuthenticationFailed;
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenMalformedException or SecurityTokenInvalidAlgorithmException
                ? StreamErrorCode.AuthenticationFailed
                : StreamErrorCode.TokenSignatureInvalid;
        }

        var payload = Base64UrlEncoder.DecodeBytes(((JsonWebToken)result.SecurityToken).EncodedPayload);
        return CheckClaims(payload, revokedBefore);
    }

    private StreamErrorCode CheckClaims(byte[] payload, Func<string?, DateTimeOffset?>? revokedBefore)
    {
        var claims = new Dictionary<string, JsonElement>();
        try
        {
            StrictUtf8.GetString(payload);
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return StreamErrorCode.AuthenticationFailed;
            }

            var seen = new HashSet<string>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (Array.IndexOf(Reserved, property.Name) >= 0 && !seen.Add(property.Name) && property.Name != "server")
                {
                    return StreamErrorCode.AuthenticationFailed;
                }

                if (property.Name == "server" && claims.ContainsKey("server"))
                {
                    claims["server_twice"] = property.Value.Clone();
                }

                claims[property.Name] = property.Value.Clone();
            }
        }
        catch (Exception ex) when (ex is JsonException or DecoderFallbackException)
        {
            return StreamErrorCode.AuthenticationFailed;
        }

        string? userId = null;
        if (claims.TryGetValue("user_id", out var user))
        {
            if (user.ValueKind != JsonValueKind.String || !TryGetString(user, out userId))
            {
                return StreamErrorCode.AuthenticationFailed;
            }
        }

        if (!TryDate(claims, "exp", out var exp) || !TryDate(claims, "iat", out var iat) || !TryDate(claims, "nbf", out var nbf))
        {
            return StreamErrorCode.AuthenticationFailed;
        }

        // Moved to the side of the clock: a date near year 9999 plus the skew would not be representable.
        var now = clock.GetUtcNow();
        if (exp is { } e && e <= now - skew)
        {
            return StreamErrorCode.TokenExpired;
        }

        if (nbf is { } n && n > now + skew)
        {
            return StreamErrorCode.TokenNotValidYet;
        }

        if (iat is { } i && i > now + skew)
        {
            return StreamErrorCode.TokenIssuedInFuture;
        }

        var hasServer = claims.TryGetValue("server", out var server);
        if (claims.ContainsKey("server_twice") || (hasServer && (server.ValueKind != JsonValueKind.True || userId is not null)))
        {
            return StreamErrorCode.AuthenticationFailed;
        }

        if (!hasServer && string.IsNullOrEmpty(userId))
        {
            return StreamErrorCode.AuthenticationFailed;
        }

        if (revokedBefore?.Invoke(hasServer ? null : userId) is { } cutoff && (iat is not { } issued || issued < DateTimeOffset.FromUnixTimeSeconds(cutoff.ToUnixTimeSeconds())))
        {
            return StreamErrorCode.TokenExpired;
        }

        return StreamErrorCode.None;
    }

    private static bool TryGetString(JsonElement element, out string? value)
    {
        try
        {
            value = element.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = null;
            return false;
        }
    }

    // NumericDate: a JSON number of seconds, fractions rounded down, within the dates DateTimeOffset holds.
    private static bool TryDate(Dictionary<string, JsonElement> claims, string name, out DateTimeOffset? date)
    {
        date = null;
        if (!claims.TryGetValue(name, out var value))
        {
            return true;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        var seconds = value.TryGetInt64(out var whole) ? whole : value.GetDouble();
        if (double.IsInfinity(seconds) || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        date = DateTimeOffset.FromUnixTimeSeconds((long)Math.Floor(seconds));
        return true;
    }
}
