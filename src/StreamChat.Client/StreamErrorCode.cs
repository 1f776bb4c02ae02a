namespace StreamChat;

/// <summary>The error codes of the chat protocol that concern authentication and access.</summary>
public enum StreamErrorCode
{
    /// <summary>No error code was given (for example a proxy answered instead of the chat server).</summary>
    None = 0,

    /// <summary>2: the API key is not valid, or the auth header is missing (HTTP 401).</summary>
    InvalidApiKeyOrMissingAuth = 2,

    /// <summary>4: the request is malformed or misses a field (HTTP 400).</summary>
    InputError = 4,

    /// <summary>5: authentication failed, for example a development token while auth checks are on (HTTP 401).</summary>
    AuthenticationFailed = 5,

    /// <summary>16: the resource does not exist (HTTP 404).</summary>
    NotFound = 16,

    /// <summary>17: the user may not do this (HTTP 403).</summary>
    NotAllowed = 17,

    /// <summary>40: the token has expired or was revoked; a new token is needed (HTTP 401).</summary>
    TokenExpired = 40,

    /// <summary>41: the token is not valid yet (<c>nbf</c> in the future) (HTTP 401).</summary>
    TokenNotValidYet = 41,

    /// <summary>42: the token was issued in the future (<c>iat</c> after the server's clock) (HTTP 401).</summary>
    TokenIssuedInFuture = 42,

    /// <summary>43: the token's signature is not valid for this app (HTTP 401).</summary>
    TokenSignatureInvalid = 43,

    /// <summary>99: the app is suspended (HTTP 403).</summary>
    AppSuspended = 99,
}
