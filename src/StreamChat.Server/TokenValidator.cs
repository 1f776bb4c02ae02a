using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Server;

/// <summary>
/// Validates chat tokens as the chat server does: HS256 signature with the app's secret, <c>exp</c>, <c>nbf</c>,
/// <c>iat</c> not in the future, and a revocation cutoff. Failures are reported as the protocol's error codes.
/// Thread-safe.
/// </summary>
/// <remarks>
/// The reserved claims (<c>user_id</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>server</c>) may each appear once. A token is
/// the server token only when <c>server</c> is JSON <c>true</c> and there is no <c>user_id</c>; a token with both, or with
/// a <c>server</c> claim that is not <c>true</c>, is refused with code 5 (ambiguous), never treated as either kind.
/// </remarks>
public sealed class TokenValidator
{
    private readonly JsonWebTokenHandler _handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TokenValidatorOptions _options;

    /// <summary>Creates a validator for the app with the given secret.</summary>
    /// <param name="apiSecret">The app's API secret (at least 32 bytes).</param>
    /// <param name="options">Clock and leeway; defaults when null.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public TokenValidator([ApiSecret] string apiSecret, TokenValidatorOptions? options = null)
    {
        if (apiSecret is null)
        {
            throw new ArgumentNullException(nameof(apiSecret));
        }

        var key = Encoding.UTF8.GetBytes(apiSecret);
        JwtSigningKey.EnsureSecretLength(key.Length, nameof(apiSecret));

        _options = options ?? new TokenValidatorOptions();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = new SymmetricSecurityKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateIssuerSigningKey = true,
            ValidateIssuer = false,
            ValidateAudience = false,
            // Lifetime is checked below against the configured clock, with the protocol's codes.
            ValidateLifetime = false,
            RequireExpirationTime = false,
            RequireSignedTokens = true,
        };
    }

    /// <summary>Validates a token.</summary>
    /// <param name="token">The raw token from the <c>Authorization</c> header or the WebSocket query.</param>
    /// <param name="revokedBefore">
    /// Looks up the revocation cutoff for a user id (app-wide and per-user combined; the id is null for server tokens):
    /// tokens issued before it are refused with code 40, and once a cutoff is set a token without <c>iat</c> is too.
    /// </param>
    /// <returns>The verdict.</returns>
    public async Task<TokenValidationResult> ValidateAsync(string token, Func<string?, DateTimeOffset?>? revokedBefore = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenValidationResult.Invalid(StreamErrorCode.AuthenticationFailed, "the token is empty");
        }

        if (!Token.TryParse(token, out var parsed))
        {
            return TokenValidationResult.Invalid(StreamErrorCode.AuthenticationFailed, "the token is not a well-formed JWT");
        }

        var result = await _handler.ValidateTokenAsync(token, _parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return result.Exception is SecurityTokenMalformedException or SecurityTokenInvalidAlgorithmException
                ? TokenValidationResult.Invalid(StreamErrorCode.AuthenticationFailed, "the token is not a well-formed HS256 JWT", parsed)
                : TokenValidationResult.Invalid(StreamErrorCode.TokenSignatureInvalid, "the token's signature is not valid", parsed);
        }

        return CheckClaims(parsed);

        TokenValidationResult CheckClaims(Token claims)
        {
            var now = _options.TimeProvider.GetUtcNow();
            var skew = _options.ClockSkew;
            if (claims.ExpiresAt is { } exp && exp + skew <= now)
            {
                return TokenValidationResult.Invalid(StreamErrorCode.TokenExpired, "the token has expired", claims);
            }

            if (claims.NotBefore is { } nbf && nbf - skew > now)
            {
                return TokenValidationResult.Invalid(StreamErrorCode.TokenNotValidYet, "the token is not valid yet (nbf is in the future)", claims);
            }

            if (claims.IssuedAt is { } iat && iat - skew > now)
            {
                return TokenValidationResult.Invalid(StreamErrorCode.TokenIssuedInFuture, "the token was issued in the future (iat is after the server's clock)", claims);
            }

            var (problem, isServer) = ReservedClaimCheck.Check(claims);
            if (problem is not null)
            {
                return TokenValidationResult.Invalid(StreamErrorCode.AuthenticationFailed, problem, claims);
            }

            if (!isServer && string.IsNullOrEmpty(claims.UserId))
            {
                return TokenValidationResult.Invalid(StreamErrorCode.AuthenticationFailed, "the token has no user_id claim", claims);
            }

            if (revokedBefore?.Invoke(isServer ? null : claims.UserId) is { } cutoff)
            {
                if (claims.IssuedAt is not { } issued)
                {
                    return TokenValidationResult.Invalid(StreamErrorCode.TokenExpired, "token has been revoked (tokens without iat are refused once revocation is set)", claims);
                }

                if (issued < cutoff)
                {
                    return TokenValidationResult.Invalid(StreamErrorCode.TokenExpired, "token has been revoked", claims);
                }
            }

            return TokenValidationResult.Valid(claims, isServer);
        }
    }
}
