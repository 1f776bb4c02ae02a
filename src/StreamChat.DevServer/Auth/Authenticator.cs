using System;
using System.Security.Cryptography;
using System.Text;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;
using StreamChat.Server;

namespace StreamChat.DevServer.Auth;

/// <summary>
/// The auth checks shared by REST and the WebSocket: the api key (code 2), the auth type, then the token through
/// <see cref="TokenValidator"/> (codes 5, 40, 41, 42, 43), with development tokens only when auth checks are disabled.
/// Every successful user authentication marks the user as seen.
/// </summary>
internal sealed class Authenticator(string apiKey, TokenValidator validator, bool disableAuthChecks, UserStore users)
{
    public const string Jwt = "jwt";
    public const string Anonymous = "anonymous";

    private readonly byte[] _apiKey = Encoding.UTF8.GetBytes(apiKey);
    private volatile bool _disableAuthChecks = disableAuthChecks;

    /// <summary>The app's "disable auth checks" setting (<c>PATCH /app</c> switches it at run time): development tokens are accepted while it is on.</summary>
    public bool DisableAuthChecks
    {
        get => _disableAuthChecks;
        set => _disableAuthChecks = value;
    }

    public void CheckApiKey(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate))
        {
            throw new ProtocolException(StreamErrorCode.InvalidApiKeyOrMissingAuth, "api_key not found in the query string");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _apiKey))
        {
            throw new ProtocolException(StreamErrorCode.InvalidApiKeyOrMissingAuth, "api_key not valid");
        }
    }

    /// <summary>
    /// Authenticates a caller. <paramref name="authType"/> defaults to jwt when a token is present.
    /// <paramref name="anonymousUserId"/> names an anonymous visitor (the WebSocket's user_id), if any.
    /// </summary>
    public Caller Authenticate(string? authType, string? token, string? anonymousUserId)
    {
        var type = string.IsNullOrEmpty(authType) ? (string.IsNullOrEmpty(token) ? null : Jwt) : authType;
        switch (type)
        {
            case null:
                throw new ProtocolException(StreamErrorCode.InvalidApiKeyOrMissingAuth, "the Authorization header is missing and stream-auth-type is not anonymous");
            case Anonymous:
                return new Caller(CallerKind.Anonymous, anonymousUserId, Roles.Anonymous);
            case Jwt when string.IsNullOrEmpty(token):
                throw new ProtocolException(StreamErrorCode.InvalidApiKeyOrMissingAuth, "the Authorization header is missing");
            case Jwt:
                return AuthenticateToken(token!);
            default:
                throw ProtocolException.Input("stream-auth-type must be 'jwt' or 'anonymous'");
        }
    }

    private Caller AuthenticateToken(string token)
    {
        if (Token.TryParse(token, out var parsed) && parsed.IsDevelopment)
        {
            return AuthenticateDevelopmentToken(parsed);
        }

        // The validator passes a null id for server tokens; revocation never applies to them, so an app can lift it again.
        var result = validator.Validate(token, id => id is null ? null : users.RevokedBefore(id));

        if (!result.IsValid)
        {
            throw new ProtocolException(result.ErrorCode, result.Message);
        }

        if (result.IsServerToken)
        {
            return new Caller(CallerKind.Server, null, Roles.Admin);
        }

        users.Seen(result.UserId!);
        return new Caller(CallerKind.User, result.UserId!, users.RoleOf(result.UserId!) ?? Roles.User);
    }

    private Caller AuthenticateDevelopmentToken(Token token)
    {
        if (!_disableAuthChecks)
        {
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "development tokens are accepted only when auth checks are disabled");
        }

        if (string.IsNullOrEmpty(token.UserId))
        {
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "the development token has no user_id claim");
        }

        // A development token has no iat, so it is refused once tokens of its user are revoked.
        if (users.RevokedBefore(token.UserId) is not null)
        {
            throw new ProtocolException(StreamErrorCode.TokenExpired, "token has been revoked (tokens without iat are refused once revocation is set)");
        }

        users.Seen(token.UserId);
        return new Caller(CallerKind.User, token.UserId, users.RoleOf(token.UserId) ?? Roles.User, DevelopmentToken: true);
    }
}
