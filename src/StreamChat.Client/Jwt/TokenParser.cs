using System;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>Splits and decodes a compact JWT without checking its signature.</summary>
internal static class TokenParser
{
    internal readonly struct Parsed
    {
        public Parsed(byte[] payload, string? userId, DateTimeOffset? expiresAt, DateTimeOffset? issuedAt, DateTimeOffset? notBefore, bool isServerToken)
        {
            Payload = payload;
            IsServerToken = isServerToken;
            UserId = userId;
            ExpiresAt = expiresAt;
            IssuedAt = issuedAt;
            NotBefore = notBefore;
        }

        public byte[] Payload { get; }

        public string? UserId { get; }

        public DateTimeOffset? ExpiresAt { get; }

        public DateTimeOffset? IssuedAt { get; }

        public DateTimeOffset? NotBefore { get; }

        public bool IsServerToken { get; }
    }

    public static Parsed Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new TokenFormatException(TokenFormatError.Empty, "The token is empty. Pass the JWT your backend issued for the user.");
        }

        var first = raw.IndexOf('.');
        var second = first < 0 ? -1 : raw.IndexOf('.', first + 1);
        if (second < 0)
        {
            throw SegmentCountError(raw);
        }

        try
        {
            // Most tokens carry the header this library and the official SDKs write: known to be a JSON object.
            var header = raw.AsSpan(0, first);
            if (!header.SequenceEqual(Hs256.HeaderSegment.AsSpan()))
            {
                CheckHeader(header);
            }

            var payload = Decode(raw.AsSpan(first + 1, second - first - 1), "payload");

            // A third dot fails this check ('.' is not base64), so valid tokens are not searched for one twice.
            CheckSignatureAlphabet(raw.AsSpan(second + 1));
            return ReadPayload(payload);
        }
        catch (TokenFormatException) when (raw.AsSpan(second + 1).IndexOf('.') >= 0)
        {
            // Too many segments is the first thing wrong with such a token, whatever else is.
            throw SegmentCountError(raw);
        }
    }

    private static TokenFormatException SegmentCountError(string raw)
    {
        var segments = CountSegments(raw);
        return new TokenFormatException(
            TokenFormatError.WrongSegmentCount,
            $"The token has {segments} dot-separated segment{(segments == 1 ? string.Empty : "s")}; a JWT has 3 (header.payload.signature). " +
            "Check that the whole token was copied.");
    }

    private static int CountSegments(string raw)
    {
        var count = 1;
        foreach (var c in raw)
        {
            if (c == '.')
            {
                count++;
            }
        }

        return count;
    }

    private static byte[] Decode(ReadOnlySpan<char> segment, string name)
    {
        var buffer = new byte[Base64Url.GetDecodedLength(segment)];
        if (segment.IsEmpty || !Base64Url.TryDecode(segment, buffer, out _))
        {
            throw InvalidBase64(name);
        }

        return buffer;
    }

    private static void CheckHeader(ReadOnlySpan<char> segment)
    {
        var length = Base64Url.GetDecodedLength(segment);
        var rented = length > 256 ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var header = rented is null ? stackalloc byte[length] : rented.AsSpan(0, length);
            if (segment.IsEmpty || !Base64Url.TryDecode(segment, header, out _))
            {
                throw InvalidBase64("header");
            }

            CheckHeaderJson(header);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static TokenFormatException InvalidBase64(string name) =>
        new(
            TokenFormatError.InvalidBase64,
            $"The token's {name} segment is not valid base64url or base64. Check that the token was not truncated or altered.");

    private static void CheckSignatureAlphabet(ReadOnlySpan<char> signature)
    {
#if NET
        if (signature.IndexOfAnyExcept(SignatureAlphabet) >= 0)
        {
            throw InvalidBase64("signature");
        }
#else
        foreach (var c in signature)
        {
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '+' or '/' or '=';
            if (!ok)
            {
                throw InvalidBase64("signature");
            }
        }
#endif
    }

#if NET
    private static readonly System.Buffers.SearchValues<char> SignatureAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=");
#endif

    private static void CheckHeaderJson(ReadOnlySpan<byte> header)
    {
        try
        {
            var reader = new Utf8JsonReader(header);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw HeaderError(null);
            }

            reader.Skip();
            if (reader.Read())
            {
                throw HeaderError(null);
            }
        }
        catch (JsonException ex)
        {
            throw HeaderError(ex);
        }
    }

    private static TokenFormatException HeaderError(Exception? inner) =>
        new(TokenFormatError.HeaderNotJsonObject, "The token's header is not a JSON object, so this is not a JWT.", innerException: Strip(inner));

    private static Parsed ReadPayload(byte[] payload)
    {
        var problem = PayloadClaims.Read(payload, out var claims);
        if (problem != PayloadProblem.None)
        {
            throw PayloadError(problem, claims);
        }

        return new Parsed(payload, claims.UserId, ToDate(claims.ExpiresAt), ToDate(claims.IssuedAt), ToDate(claims.NotBefore), claims.IsServerToken);
    }

    private static TokenFormatException PayloadError(PayloadProblem problem, in PayloadClaims claims) => problem switch
    {
        PayloadProblem.NotUtf8 => new(TokenFormatError.PayloadNotJson, "The token's payload is not valid UTF-8 text, so it is not JSON."),
        PayloadProblem.Empty => new(TokenFormatError.PayloadNotJson, "The token's payload is empty; it must be a JSON object of claims."),
        PayloadProblem.NotObject => new(
            TokenFormatError.PayloadNotObject,
            $"The token's payload is a JSON {Describe(claims.ProblemToken)}; it must be a JSON object of claims."),
        PayloadProblem.TrailingData => new(TokenFormatError.PayloadNotJson, "The token's payload is not valid JSON: it goes on after the claims object."),
        PayloadProblem.DuplicateClaim => new(
            TokenFormatError.DuplicateClaim,
            $"The token's payload has the '{claims.ProblemClaim}' claim more than once; its meaning is ambiguous, so the token is refused.",
            claims.ProblemClaim),
        PayloadProblem.InvalidClaimType when claims.ProblemClaim == JwtClaimNames.UserId => new(
            TokenFormatError.InvalidClaimType,
            $"The token's 'user_id' claim is a JSON {Describe(claims.ProblemToken)}; it must be a string.",
            JwtClaimNames.UserId),
        PayloadProblem.InvalidClaimType => new(
            TokenFormatError.InvalidClaimType,
            $"The token's '{claims.ProblemClaim}' claim is a JSON {Describe(claims.ProblemToken)}; it must be a number of seconds since 1970-01-01T00:00:00Z.",
            claims.ProblemClaim),
        PayloadProblem.ClaimOutOfRange => new(
            TokenFormatError.ClaimOutOfRange,
            $"The token's '{claims.ProblemClaim}' claim is outside the dates this library can represent (years 1 to 9999); it must be seconds since 1970-01-01T00:00:00Z.",
            claims.ProblemClaim),
        PayloadProblem.InvalidString => new(TokenFormatError.PayloadNotJson, "The token's payload holds a string that is not valid UTF-8 text."),
        _ => new(
            TokenFormatError.PayloadNotJson,
            $"The token's payload is not valid JSON (byte {claims.ProblemPosition}). Check that the token was not truncated or altered."),
    };

    private static DateTimeOffset? ToDate(long? seconds) => seconds is { } s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => "value",
    };

    // JsonException messages may quote the payload; keep only the type so no token content travels on.
    private static Exception? Strip(Exception? inner) => inner is null ? null : new FormatException(inner.GetType().Name);
}
