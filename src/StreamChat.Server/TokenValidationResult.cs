using System;

namespace StreamChat.Server;

/// <summary>The verdict of <see cref="TokenValidator"/> on one token.</summary>
public sealed class TokenValidationResult
{
    private TokenValidationResult(StreamErrorCode errorCode, string message, Token? token, bool isServerToken)
    {
        ErrorCode = errorCode;
        Message = message;
        Token = token;
        IsServerToken = isServerToken;
    }

    /// <summary>Whether the token is valid.</summary>
    public bool IsValid => ErrorCode == StreamErrorCode.None;

    /// <summary>Why the token was refused, as the protocol's error code (40, 41, 42, 43 or 5); <see cref="StreamErrorCode.None"/> when valid.</summary>
    public StreamErrorCode ErrorCode { get; }

    /// <summary>A description of the verdict for the error body; it never contains the token.</summary>
    public string Message { get; }

    /// <summary>The token's claims, when it could be read.</summary>
    public Token? Token { get; }

    /// <summary>The user the token is for, when valid and not a server token.</summary>
    public string? UserId => IsValid ? Token?.UserId : null;

    /// <summary>Whether this is a valid server token (<c>{"server":true}</c>).</summary>
    public bool IsServerToken { get; }

    /// <summary>The HTTP status the protocol gives this verdict: 200 when valid, else 401.</summary>
    public int HttpStatusCode => IsValid ? 200 : 401;

    internal static TokenValidationResult Valid(Token token, bool isServerToken) => new(StreamErrorCode.None, "ok", token, isServerToken);

    internal static TokenValidationResult Invalid(StreamErrorCode code, string message, Token? token = null) =>
        code == StreamErrorCode.None ? throw new ArgumentException("An invalid result needs an error code.", nameof(code)) : new(code, message, token, false);

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"Valid({Token})" : $"Invalid({(int)ErrorCode}: {Message})";
}
