using System;

namespace StreamChat.Server;

/// <summary>
/// The verdict of <see cref="TokenValidator.Validate"/> on one token: a value, so that checking a valid token allocates
/// nothing but its <see cref="UserId"/>. The one result type of validation. <c>default(TokenVerdict)</c> is a refusal, never a valid verdict.
/// </summary>
public readonly struct TokenVerdict
{
    private readonly bool _isValid;
    private readonly StreamErrorCode _errorCode;
    private readonly string? _message;
    private readonly long _expiresAt;
    private readonly long _issuedAt;
    private readonly long _notBefore;
    private readonly byte _times;

    private TokenVerdict(bool isValid, StreamErrorCode errorCode, string message, string? userId, bool isServerToken, long? expiresAt, long? issuedAt, long? notBefore)
    {
        _isValid = isValid;
        _errorCode = errorCode;
        _message = message;
        UserId = isValid ? userId : null;
        IsServerToken = isValid && isServerToken;
        _expiresAt = expiresAt ?? 0;
        _issuedAt = issuedAt ?? 0;
        _notBefore = notBefore ?? 0;
        _times = (byte)((expiresAt.HasValue ? 1 : 0) | (issuedAt.HasValue ? 2 : 0) | (notBefore.HasValue ? 4 : 0));
    }

    /// <summary>Whether the token is valid.</summary>
    public bool IsValid => _isValid;

    /// <summary>Why the token was refused, as the protocol's error code (40, 41, 42, 43 or 5); <see cref="StreamErrorCode.None"/> when valid.</summary>
    public StreamErrorCode ErrorCode => _isValid ? StreamErrorCode.None : _errorCode == StreamErrorCode.None ? StreamErrorCode.AuthenticationFailed : _errorCode;

    /// <summary>A description of the verdict for the error body; it never contains the token.</summary>
    public string Message => _message ?? "the token was not validated";

    /// <summary>The user the token is for, when valid and not a server token.</summary>
    public string? UserId { get; }

    /// <summary>Whether this is a valid server token (<c>{"server":true}</c>).</summary>
    public bool IsServerToken { get; }

    /// <summary>The token's <c>exp</c>, when it was read (also on most refusals: an expired token says when it expired).</summary>
    public DateTimeOffset? ExpiresAt => Time(_expiresAt, 1);

    /// <summary>The token's <c>iat</c>, when it was read.</summary>
    public DateTimeOffset? IssuedAt => Time(_issuedAt, 2);

    /// <summary>The token's <c>nbf</c>, when it was read.</summary>
    public DateTimeOffset? NotBefore => Time(_notBefore, 4);

    /// <summary>The HTTP status the protocol gives this verdict: 200 when valid, else 401.</summary>
    public int HttpStatusCode => _isValid ? 200 : 401;

    /// <inheritdoc/>
    public override string ToString() => _isValid
        ? $"Valid({(IsServerToken ? "server token" : "user_id: " + UserId)})"
        : $"Invalid({(int)ErrorCode}: {Message})";

    internal static TokenVerdict Valid(string? userId, bool isServerToken, long? expiresAt, long? issuedAt, long? notBefore) =>
        new(true, StreamErrorCode.None, "ok", userId, isServerToken, expiresAt, issuedAt, notBefore);

    internal static TokenVerdict Refused(StreamErrorCode code, string message, long? expiresAt = null, long? issuedAt = null, long? notBefore = null) =>
        code == StreamErrorCode.None
            ? throw new ArgumentException("A refusal needs an error code.", nameof(code))
            : new(false, code, message, null, false, expiresAt, issuedAt, notBefore);

    private DateTimeOffset? Time(long seconds, int flag) => (_times & flag) != 0 ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
