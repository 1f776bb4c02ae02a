namespace StreamChat.Server;

/// <summary>The verdict of <see cref="TokenValidator.ValidateAsync"/> on one token.</summary>
public sealed class TokenValidationResult
{
    private readonly TokenVerdict _verdict;
    private readonly string _raw;
    private Token? _token;
    private bool _tokenRead;

    internal TokenValidationResult(TokenVerdict verdict, string raw)
    {
        _verdict = verdict;
        _raw = raw;
    }

    /// <summary>Whether the token is valid.</summary>
    public bool IsValid => _verdict.IsValid;

    /// <summary>Why the token was refused, as the protocol's error code (40, 41, 42, 43 or 5); <see cref="StreamErrorCode.None"/> when valid.</summary>
    public StreamErrorCode ErrorCode => _verdict.ErrorCode;

    /// <summary>A description of the verdict for the error body; it never contains the token.</summary>
    public string Message => _verdict.Message;

    /// <summary>The token's claims, when it could be read (read on first use).</summary>
    public Token? Token
    {
        get
        {
            if (!_tokenRead)
            {
                // Immutable once read: two threads that race here read the same claims.
                _token = Token.TryParse(_raw, out var token) ? token : null;
                _tokenRead = true;
            }

            return _token;
        }
    }

    /// <summary>The user the token is for, when valid and not a server token.</summary>
    public string? UserId => _verdict.UserId;

    /// <summary>Whether this is a valid server token (<c>{"server":true}</c>).</summary>
    public bool IsServerToken => _verdict.IsServerToken;

    /// <summary>The HTTP status the protocol gives this verdict: 200 when valid, else 401.</summary>
    public int HttpStatusCode => _verdict.HttpStatusCode;

    /// <summary>The verdict as the value <see cref="TokenValidator.Validate"/> returns.</summary>
    public TokenVerdict Verdict => _verdict;

    /// <inheritdoc/>
    public override string ToString() => IsValid ? $"Valid({Token})" : $"Invalid({(int)ErrorCode}: {Message})";
}
