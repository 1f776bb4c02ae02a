using System;
using System.Text.Json;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat;

/// <summary>
/// A user token: the JWT your backend issues for a chat user. Its claims are read when it is created,
/// without checking the signature (only the chat server can do that).
/// </summary>
/// <remarks>
/// <see cref="ToString"/> never shows the token; use <see cref="RawValue"/> where the token itself is needed.
/// </remarks>
public sealed class Token : IEquatable<Token>
{
    private readonly byte[] _payload;

    /// <summary>Reads a token. Same as <see cref="Parse"/>.</summary>
    /// <param name="rawValue">The compact JWT (<c>header.payload.signature</c>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="rawValue"/> is null.</exception>
    /// <exception cref="TokenFormatException">The string is not a well-formed token; the message says why.</exception>
    public Token(string rawValue)
    {
        if (rawValue is null)
        {
            throw new ArgumentNullException(nameof(rawValue));
        }

        var parsed = TokenParser.Parse(rawValue);
        RawValue = rawValue;
        _payload = parsed.Payload;
        UserId = parsed.UserId;
        ExpiresAt = parsed.ExpiresAt;
        IssuedAt = parsed.IssuedAt;
        NotBefore = parsed.NotBefore;
        IsServerToken = parsed.IsServerToken;
        IsDevelopment = DevelopmentToken.IsSigned(rawValue);
    }

    private Token()
    {
        RawValue = string.Empty;
        _payload = [];
        IsAnonymous = true;
    }

    /// <summary>The token for an anonymous user: it has no user and is never sent to the server.</summary>
    public static Token Anonymous { get; } = new();

    /// <summary>The token as issued: the compact JWT string. Treat it as a secret.</summary>
    public string RawValue { get; }

    /// <summary>The <c>user_id</c> claim, or <see langword="null"/> when the token has none.</summary>
    public string? UserId { get; }

    /// <summary>The <c>exp</c> claim, or <see langword="null"/> for a token that does not expire.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>The <c>iat</c> claim, or <see langword="null"/> when the token does not say when it was issued.</summary>
    public DateTimeOffset? IssuedAt { get; }

    /// <summary>The <c>nbf</c> claim, or <see langword="null"/> when the token is valid from the start.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Whether this is a client-side development token (signature <c>devtoken</c>), accepted only by apps with auth checks disabled.</summary>
    public bool IsDevelopment { get; }

    /// <summary>
    /// Whether the payload marks this as the app's server token (<c>{"server":true}</c>), which your backend uses and never
    /// hands to a client. Read without checking the signature, like every claim here: only the chat server (or
    /// <c>StreamChat.Server</c>'s validator) can tell whether the token is genuine.
    /// </summary>
    public bool IsServerToken { get; }

    /// <summary>Whether this is <see cref="Anonymous"/>.</summary>
    public bool IsAnonymous { get; }

    /// <summary>The decoded payload: the claims as a UTF-8 JSON object. Empty for <see cref="Anonymous"/>.</summary>
    public ReadOnlySpan<byte> PayloadUtf8 => _payload;

    /// <summary>Reads a token without checking its signature.</summary>
    /// <param name="rawValue">The compact JWT. Base64url and standard base64 segments are accepted, padded or not.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="rawValue"/> is null.</exception>
    /// <exception cref="TokenFormatException">The string is not a well-formed token; the message says why.</exception>
    public static Token Parse(string rawValue) => new(rawValue);

    /// <summary>Reads a token without checking its signature, without throwing.</summary>
    /// <param name="rawValue">The compact JWT.</param>
    /// <param name="token">The token, or <see langword="null"/> when the string is not a well-formed token.</param>
    /// <returns>Whether the string is a well-formed token.</returns>
    public static bool TryParse(string? rawValue, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Token? token)
    {
        if (rawValue is not null)
        {
            try
            {
                token = new Token(rawValue);
                return true;
            }
            catch (TokenFormatException)
            {
            }
        }

        token = null;
        return false;
    }

    /// <summary>
    /// Makes a development token for <paramref name="userId"/>: an unsigned token the chat server accepts only when
    /// the app's auth checks are disabled. Never use one in production.
    /// </summary>
    /// <param name="userId">The user id; any string, JSON-escaped in the payload.</param>
    /// <returns>A token of the form <c>eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.&lt;payload&gt;.devtoken</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is null or empty.</exception>
    [DevelopmentTokenApi]
    public static Token Development(string userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw new ArgumentException("A development token needs a user id; pass the id of the user to connect as.", nameof(userId));
        }

        return DevelopmentToken.Create(userId, static (writer, id) => writer.WriteString(ReservedClaims.UserIdUtf8, id));
    }

    /// <summary>Looks up a claim in the payload.</summary>
    /// <param name="name">The claim name, for example <c>role</c>.</param>
    /// <param name="value">The claim's JSON value (a copy that outlives the token), or default when absent.</param>
    /// <returns>Whether the claim is present.</returns>
    public bool TryGetClaim(string name, out JsonElement value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (!IsAnonymous)
        {
            using var document = JsonDocument.Parse(_payload);
            if (document.RootElement.TryGetProperty(name, out var found))
            {
                value = found.Clone();
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <inheritdoc/>
    public bool Equals(Token? other) => other is not null && string.Equals(RawValue, other.RawValue, StringComparison.Ordinal) && IsAnonymous == other.IsAnonymous;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Token other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(RawValue);

    /// <summary>A description for logs and debuggers: the user and expiry, never the token itself.</summary>
    /// <returns>For example <c>Token(user_id: john, exp: 2030-01-01T00:00:00Z, value: [redacted])</c>.</returns>
    public override string ToString()
    {
        if (IsAnonymous)
        {
            return "Token(anonymous)";
        }

        var kind = IsDevelopment ? "development, " : string.Empty;
        var exp = ExpiresAt is { } e ? e.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture) : "none";
        return $"Token({kind}user_id: {UserId ?? "(none)"}, exp: {exp}, value: [redacted])";
    }
}
