using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Server;

/// <summary>
/// Issues chat tokens on your server from the app's API secret (HS256): user tokens with <c>user_id</c> and your
/// own claims, and the server token. Thread-safe; keep one instance for the life of the secret.
/// </summary>
public sealed class UserTokenIssuer : IDisposable
{
    private readonly JwtSigningKey _key;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an issuer for the app with the given secret.</summary>
    /// <param name="apiSecret">The app's API secret (at least 32 bytes). Read it from configuration, never from source.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and lifetimes. Default: the system clock.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public UserTokenIssuer([ApiSecret] string apiSecret, TimeProvider? timeProvider = null)
    {
        _key = new JwtSigningKey(apiSecret);
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// How far to set <c>iat</c> back from now when no issue time is given, so that a server whose clock runs a little
    /// behind does not reject the token as issued in the future (code 42). Default: zero.
    /// </summary>
    public TimeSpan IssuedAtBackdate { get; set; }

    /// <summary>Creates a user token.</summary>
    /// <param name="userId">The user the token is for.</param>
    /// <param name="expiresAt">When the token expires (<c>exp</c>); <see langword="null"/> for a token that never expires.</param>
    /// <param name="issuedAt">The issue time (<c>iat</c>); when <see langword="null"/>, now minus <see cref="IssuedAtBackdate"/>.</param>
    /// <param name="claims">More claims (strings, booleans, numbers, lists and dictionaries of those); not the reserved ones (<c>user_id</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>server</c>).</param>
    /// <returns>The signed token to hand to the client.</returns>
    /// <exception cref="ArgumentException">The user id is empty, a claim is reserved or of an unsupported type, or the token would expire before it is issued.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter (a time or a lifetime), so no call is ambiguous.")]
    public string CreateUserToken(string userId, DateTimeOffset? expiresAt = null, DateTimeOffset? issuedAt = null, IReadOnlyDictionary<string, object?>? claims = null)
    {
        if (string.IsNullOrEmpty(userId))
        {
            throw new ArgumentException("A user token needs a user id.", nameof(userId));
        }

        if (claims is not null)
        {
            foreach (var pair in claims)
            {
                if (pair.Key is null || ReservedClaims.Contains(pair.Key))
                {
                    throw new ArgumentException(
                        pair.Key == ReservedClaims.Server
                            ? "The claim 'server' marks the app's server token, which may do anything; a user token must not carry it (server-side code uses CreateServerToken)."
                            : $"The claim '{pair.Key}' is reserved and set by the issuer; pass it through the method's parameters instead.",
                        nameof(claims));
                }

                JsonValueWriter.EnsureSupported(pair.Value, $"claims[\"{pair.Key}\"]", nameof(claims));
            }
        }

        var iat = issuedAt ?? _timeProvider.GetUtcNow() - IssuedAtBackdate;
        if (expiresAt is { } exp && exp <= iat)
        {
            throw new ArgumentException("The token would expire before it is issued; pass an expiry after the issue time.", nameof(expiresAt));
        }

        return claims is null && TrySignPlain(userId, expiresAt, iat, out var token)
            ? token
            : _key.Sign((userId, claims), WriteUserClaims, expiresAt, iat);
    }

    /// <summary>Creates a user token that expires <paramref name="lifetime"/> from now.</summary>
    /// <param name="userId">The user the token is for.</param>
    /// <param name="lifetime">How long the token is valid, counted from now.</param>
    /// <param name="claims">More claims, as for <see cref="CreateUserToken(string, DateTimeOffset?, DateTimeOffset?, IReadOnlyDictionary{string, object?})"/>.</param>
    /// <returns>The signed token.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter (a time or a lifetime), so no call is ambiguous.")]
    public string CreateUserToken(string userId, TimeSpan lifetime, IReadOnlyDictionary<string, object?>? claims = null)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "The lifetime must be positive.");
        }

        return CreateUserToken(userId, _timeProvider.GetUtcNow() + lifetime, null, claims);
    }

    /// <summary>Creates the server token (<c>{"server":true}</c>), which may do anything in the app. Never send it to a client.</summary>
    /// <returns>The signed server token.</returns>
    public string CreateServerToken() => _key.Sign(0, WriteServerClaim);

    /// <summary>
    /// Creates a server token that expires <paramref name="lifetime"/> from now (<c>iat</c> now), for a holder that should
    /// not keep full access for ever. Never send it to a client.
    /// </summary>
    /// <param name="lifetime">How long the token is valid, counted from now.</param>
    /// <returns>The signed server token.</returns>
    public string CreateServerToken(TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "The lifetime must be positive.");
        }

        var now = _timeProvider.GetUtcNow();
        return _key.Sign(0, WriteServerClaim, now + lifetime, now);
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    // A user id of printable ASCII but the quote and the backslash is written by the JSON writer as it is (its encoder,
    // UnsafeRelaxedJsonEscaping, escapes none of those characters), so a token with no custom claims and such an id has
    // its payload built here, byte for byte what the writer would make, without the writer's cost. Anything else goes
    // through the writer. UserTokenIssuerTests compares the two for every character allowed here.
    private const int PlainUserIdLimit = 128;

    // {"user_id":"…" then ,"iat":… and ,"exp":… (at most 20 characters a number) and the closing brace.
    private const int PlainPayloadLimit = 12 + PlainUserIdLimit + 1 + (2 * (7 + 20)) + 1;

    [System.Runtime.CompilerServices.SkipLocalsInit]
    private bool TrySignPlain(string userId, DateTimeOffset? expiresAt, DateTimeOffset issuedAt, [NotNullWhen(true)] out string? token)
    {
        token = null;
        if (userId.Length > PlainUserIdLimit || userId.AsSpan().IndexOfAnyExcept(PlainJsonText.Characters) >= 0)
        {
            return false;
        }

        Span<byte> payload = stackalloc byte[PlainPayloadLimit];
        "{\"user_id\":\""u8.CopyTo(payload);
        var length = 12;
        foreach (var c in userId)
        {
            payload[length++] = (byte)c;
        }

        payload[length++] = (byte)'"';
        length += NumericDate.WriteProperty(payload.Slice(length), ",\"iat\":"u8, issuedAt.ToUnixTimeSeconds());
        if (expiresAt is { } exp)
        {
            length += NumericDate.WriteProperty(payload.Slice(length), ",\"exp\":"u8, exp.ToUnixTimeSeconds());
        }

        payload[length++] = (byte)'}';
        token = _key.Sign(payload.Slice(0, length));
        return true;
    }

    private static void WriteServerClaim(Utf8JsonWriter writer, int state) => writer.WriteBoolean(ReservedClaims.ServerUtf8, true);

    private static void WriteUserClaims(Utf8JsonWriter writer, (string UserId, IReadOnlyDictionary<string, object?>? Claims) state)
    {
        writer.WriteString(ReservedClaims.UserIdUtf8, state.UserId);
        if (state.Claims is null)
        {
            return;
        }

        foreach (var pair in state.Claims)
        {
            writer.WritePropertyName(pair.Key);
            JsonValueWriter.Write(writer, pair.Value);
        }
    }
}
