using System;
using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Server;

/// <summary>
/// Validates chat tokens as the chat server does: HS256 signature with the app's secret, <c>exp</c>, <c>nbf</c>,
/// <c>iat</c> not in the future, and a revocation cutoff. Failures are reported as the protocol's error codes.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// The token must be a compact JWS in canonical base64url (no padding, no <c>+</c> or <c>/</c>, no stray bits) whose header
/// says <c>"alg":"HS256"</c> exactly; the signature is compared in constant time. <c>docs/validation.md</c> lists where
/// the verdicts differ from <c>JsonWebTokenHandler</c>'s and why.
/// </para>
/// <para>
/// The reserved claims (<c>user_id</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c>, <c>server</c>) may each appear once. A token is
/// the server token only when <c>server</c> is JSON <c>true</c> and there is no <c>user_id</c>; a token with both, or with
/// a <c>server</c> claim that is not <c>true</c>, is refused with code 5 (ambiguous), never treated as either kind.
/// </para>
/// </remarks>
public sealed class TokenValidator
{
    /// <summary>The longest token read, in characters: what <c>JsonWebTokenHandler</c> reads by default.</summary>
    public const int MaximumTokenLength = 256_000;

    // Tokens up to this many bytes are checked on the stack; longer ones rent.
    private const int StackLimit = 2048;

    // The canonical base64url of an HMAC-SHA256.
    private const int SignatureLength = 43;

    // One keyed HMAC per thread that validates with this validator: no atomics on the hot path (a pool of shared instances
    // costs two interlocked operations a token). A validator has no Dispose, so nothing needs to reach the other threads'
    // instances; they go with their threads, or with the validator.
    private readonly ThreadLocal<IncrementalHash> _hmac;
    private readonly TimeProvider _clock;
    private readonly long _skewTicks;

    /// <summary>Creates a validator for the app with the given secret.</summary>
    /// <param name="apiSecret">The app's API secret (at least 32 bytes).</param>
    /// <param name="options">Clock and leeway, copied here; defaults when null.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes, or an option is out of range (the message names it).</exception>
    public TokenValidator([ApiSecret] string apiSecret, TokenValidatorOptions? options = null)
    {
        if (apiSecret is null)
        {
            throw new ArgumentNullException(nameof(apiSecret));
        }

        // Copied, so that a caller changing the object later cannot change what this validator accepts.
        options ??= new TokenValidatorOptions();
        _clock = options.TimeProvider ?? throw new ArgumentException(
            $"{nameof(TokenValidatorOptions)}.{nameof(TokenValidatorOptions.TimeProvider)} is null; leave it unset for the system clock, or set the clock to check times against.",
            nameof(options));
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TokenValidatorOptions.MaxClockSkew)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                $"{nameof(TokenValidatorOptions)}.{nameof(TokenValidatorOptions.ClockSkew)} must be between 00:00:00 and {TokenValidatorOptions.MaxClockSkew:c}; a longer leeway would accept tokens long expired.");
        }

        _skewTicks = options.ClockSkew.Ticks;

        var key = Encoding.UTF8.GetBytes(apiSecret);
        Hs256.EnsureSecretLength(key.Length, nameof(apiSecret));
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key));
    }

    /// <summary>
    /// Validates a token. Synchronous (nothing here waits) and allocation-free but for the user id of a valid user token;
    /// <see cref="Token.Parse(string)"/> reads the claims of a valid token when they are needed.
    /// </summary>
    /// <param name="token">The raw token from the <c>Authorization</c> header or the WebSocket query.</param>
    /// <param name="revokedBefore">
    /// Looks up the revocation cutoff for a user id (app-wide and per-user combined; the id is null for server tokens):
    /// tokens issued before it are refused with code 40, and once a cutoff is set a token without <c>iat</c> is too. The
    /// cutoff is compared in whole seconds, as <c>iat</c> is: a token whose <c>iat</c> is the cutoff's second stays valid.
    /// </param>
    /// <returns>The verdict.</returns>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public TokenVerdict Validate(string token, Func<string?, DateTimeOffset?>? revokedBefore = null)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return TokenVerdict.Refused(StreamErrorCode.AuthenticationFailed, "the token is empty");
        }

        if (token.Length > MaximumTokenLength)
        {
            return TokenVerdict.Refused(StreamErrorCode.AuthenticationFailed, "the token is too long to be a chat token");
        }

        // A third dot is caught by the signature's alphabet check below, so valid tokens are searched once. Most tokens begin
        // with the header this library and the official SDKs write, which has no dot: its end is then the first dot.
        var usualHeader = token.Length > Hs256.HeaderSegment.Length && token[Hs256.HeaderSegment.Length] == '.'
            && token.AsSpan(0, Hs256.HeaderSegment.Length).SequenceEqual(Hs256.HeaderSegment.AsSpan());
        var first = usualHeader ? Hs256.HeaderSegment.Length : token.IndexOf('.');
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (second < 0)
        {
            return Malformed(NotThreeSegments);
        }

        // One buffer: the signing input as ASCII bytes, then the decoded payload.
        var payloadSegment = token.AsSpan(first + 1, second - first - 1);
        var needed = second + (payloadSegment.Length / 4 * 3) + 2;
        byte[]? rented = null;
        var buffer = needed <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            var signingInput = buffer.Slice(0, second);
            if (System.Text.Ascii.FromUtf16(token.AsSpan(0, second), signingInput, out _) != OperationStatus.Done
                || !(usualHeader || Hs256Header.IsValid(token.AsSpan(0, first)))
                || payloadSegment.IsEmpty
                || !Base64Url.TryDecodeCanonical(payloadSegment, buffer.Slice(second), out var payloadLength))
            {
                return Malformed("the token is not a well-formed HS256 JWT");
            }

            // The payload is read before the signature is checked, as it always was here: a token that is not a JWT at all
            // is code 5 whatever its signature; the claims are only acted on once the signature holds.
            var problem = PayloadClaims.Read(buffer.Slice(second, payloadLength), out var claims);
            if (problem != PayloadProblem.None)
            {
                return Malformed(ClaimsMessage(problem, claims));
            }

            // A signature that matches is canonical base64url, so the alphabet is only looked at to say why one does not.
            var signature = token.AsSpan(second + 1);
            if (IsSignedBy(signingInput, signature))
            {
                return CheckClaims(claims, revokedBefore);
            }

            if (signature.IndexOfAnyExcept(SignatureAlphabet) >= 0)
            {
                return Malformed(signature.IndexOf('.') >= 0 ? NotThreeSegments : "the token's signature is not base64url");
            }

            return TokenVerdict.Refused(StreamErrorCode.TokenSignatureInvalid, "the token's signature is not valid");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private const string NotThreeSegments = "the token is not a well-formed JWT (header.payload.signature)";

    private static TokenVerdict Malformed(string message) => TokenVerdict.Refused(StreamErrorCode.AuthenticationFailed, message);

    private static readonly SearchValues<char> SignatureAlphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=");

    // The canonical base64url of the expected MAC is compared with the signature's text: 32 bytes have exactly one such
    // spelling, so the texts are equal exactly when the signature decodes canonically to the MAC, and nothing is decoded.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private bool IsSignedBy(ReadOnlySpan<byte> signingInput, ReadOnlySpan<char> signature)
    {
        Span<byte> mac = stackalloc byte[HmacSha256Pool.HashSize];
        Span<byte> expected = stackalloc byte[Base64Url.GetEncodeBufferLength(HmacSha256Pool.HashSize)];
        Span<byte> given = stackalloc byte[SignatureLength];
        if (signature.Length != SignatureLength || System.Text.Ascii.FromUtf16(signature, given, out _) != OperationStatus.Done)
        {
            return false;
        }

        var hmac = _hmac.Value!;
        hmac.AppendData(signingInput);
        hmac.TryGetHashAndReset(mac, out _);
        Base64Url.Encode(mac, expected);
        return EqualsInConstantTime(expected.Slice(0, SignatureLength), given);
    }

    // CryptographicOperations.FixedTimeEquals is compiled without optimisation, on purpose, and over a signature it cost a
    // quarter of the HMAC (docs/benchmarks.md). This is constant-time too: six overlapping 8-byte words cover the 43 bytes,
    // and every one is read and folded in whatever the others held; there is one branch, on the result.
    private static bool EqualsInConstantTime(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) =>
        (Difference(left, right, 0) | Difference(left, right, 8) | Difference(left, right, 16) | Difference(left, right, 24)
            | Difference(left, right, 32) | Difference(left, right, SignatureLength - sizeof(ulong))) == 0;

    private static ulong Difference(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, int offset) =>
        MemoryMarshal.Read<ulong>(left.Slice(offset)) ^ MemoryMarshal.Read<ulong>(right.Slice(offset));

    private TokenVerdict CheckClaims(in PayloadClaims claims, Func<string?, DateTimeOffset?>? revokedBefore)
    {
        var (exp, iat, nbf) = (claims.ExpiresAt, claims.IssuedAt, claims.NotBefore);
        var now = _clock.GetUtcNow().UtcTicks;
        var skew = _skewTicks;
        if (exp is { } expires && Ticks(expires) + skew <= now)
        {
            return TokenVerdict.Refused(StreamErrorCode.TokenExpired, "the token has expired", exp, iat, nbf);
        }

        if (nbf is { } notBefore && Ticks(notBefore) - skew > now)
        {
            return TokenVerdict.Refused(StreamErrorCode.TokenNotValidYet, "the token is not valid yet (nbf is in the future)", exp, iat, nbf);
        }

        if (iat is { } issued && Ticks(issued) - skew > now)
        {
            return TokenVerdict.Refused(StreamErrorCode.TokenIssuedInFuture, "the token was issued in the future (iat is after the server's clock)", exp, iat, nbf);
        }

        if (ServerClaimProblem(claims) is { } serverProblem)
        {
            return TokenVerdict.Refused(StreamErrorCode.AuthenticationFailed, serverProblem, exp, iat, nbf);
        }

        var isServer = claims.IsServerToken;
        if (!isServer && string.IsNullOrEmpty(claims.UserId))
        {
            return TokenVerdict.Refused(StreamErrorCode.AuthenticationFailed, "the token has no user_id claim", exp, iat, nbf);
        }

        if (revokedBefore?.Invoke(isServer ? null : claims.UserId) is { } cutoff)
        {
            if (iat is not { } issuedAt)
            {
                return TokenVerdict.Refused(StreamErrorCode.TokenExpired, "token has been revoked (tokens without iat are refused once revocation is set)", exp, iat, nbf);
            }

            // iat is whole seconds, so the cutoff is too (truncated, as the hosted service reads it): a token issued in the
            // second the cutoff falls in is valid, so logging out and in again within one second works.
            if (issuedAt < cutoff.ToUnixTimeSeconds())
            {
                return TokenVerdict.Refused(StreamErrorCode.TokenExpired, "token has been revoked", exp, iat, nbf);
            }
        }

        return TokenVerdict.Valid(isServer ? null : claims.UserId, isServer, exp, iat, nbf);
    }

    // Exact tick arithmetic: a date near year 9999 plus a skew stays comparable instead of overflowing.
    private static Int128 Ticks(long unixSeconds) => ((Int128)unixSeconds * TimeSpan.TicksPerSecond) + DateTimeOffset.UnixEpoch.UtcTicks;

    private static string? ServerClaimProblem(in PayloadClaims claims) => claims switch
    {
        { ServerCount: > 1 } => "the token has the 'server' claim more than once",
        { ServerCount: 1, ServerIsTrue: false } => "the token's 'server' claim is not true; the claim is reserved for the app's server token ({\"server\":true})",
        { ServerCount: 1, UserId: not null } => "the token has both 'user_id' and 'server'; a token is either a user token or the server token, so it is refused",
        _ => null,
    };

    private static string ClaimsMessage(PayloadProblem problem, in PayloadClaims claims) => problem switch
    {
        PayloadProblem.DuplicateClaim => $"the token has the '{claims.ProblemClaim}' claim more than once",
        PayloadProblem.InvalidClaimType => $"the token's '{claims.ProblemClaim}' claim has the wrong JSON type",
        PayloadProblem.ClaimOutOfRange => $"the token's '{claims.ProblemClaim}' claim is not a date",
        _ => "the token's payload is not a JSON object of claims",
    };
}
