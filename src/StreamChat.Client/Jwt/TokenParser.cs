using System;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>Splits and decodes a compact JWT without checking its signature.</summary>
internal static class TokenParser
{
    // The unix-second range DateTimeOffset can hold: 0001-01-01 to 9999-12-31.
    private const long MinUnixSeconds = -62_135_596_800;
    private const long MaxUnixSeconds = 253_402_300_799;

    internal readonly struct Parsed
    {
        public Parsed(byte[] payload, string? userId, DateTimeOffset? expiresAt, DateTimeOffset? issuedAt, DateTimeOffset? notBefore)
        {
            Payload = payload;
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
    }

    public static Parsed Parse(string raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            throw new TokenFormatException(TokenFormatError.Empty, "The token is empty. Pass the JWT your backend issued for the user.");
        }

        var first = raw.IndexOf('.');
        var second = first < 0 ? -1 : raw.IndexOf('.', first + 1);
        var third = second < 0 ? -1 : raw.IndexOf('.', second + 1);
        if (first < 0 || second < 0 || third >= 0)
        {
            var segments = CountSegments(raw);
            throw new TokenFormatException(
                TokenFormatError.WrongSegmentCount,
                $"The token has {segments} dot-separated segment{(segments == 1 ? string.Empty : "s")}; a JWT has 3 (header.payload.signature). " +
                "Check that the whole token was copied.");
        }

        CheckHeader(raw.AsSpan(0, first));
        var payload = Decode(raw.AsSpan(first + 1, second - first - 1), "payload");
        CheckSignatureAlphabet(raw.AsSpan(second + 1));
        return ReadPayload(payload);
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
        foreach (var c in signature)
        {
            var ok = c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '+' or '/' or '=';
            if (!ok)
            {
                throw InvalidBase64("signature");
            }
        }
    }

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

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static void CheckUtf8(byte[] payload)
    {
        try
        {
            StrictUtf8.GetCharCount(payload);
        }
        catch (System.Text.DecoderFallbackException ex)
        {
            throw new TokenFormatException(TokenFormatError.PayloadNotJson, "The token's payload is not valid UTF-8 text, so it is not JSON.", innerException: Strip(ex));
        }
    }

    private static Parsed ReadPayload(byte[] payload)
    {
        CheckUtf8(payload);
        string? userId = null;
        long? exp = null, iat = null, nbf = null;
        bool seenUserId = false, seenExp = false, seenIat = false, seenNbf = false;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read())
            {
                throw new TokenFormatException(TokenFormatError.PayloadNotJson, "The token's payload is empty; it must be a JSON object of claims.");
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new TokenFormatException(
                    TokenFormatError.PayloadNotObject,
                    $"The token's payload is a JSON {Describe(reader.TokenType)}; it must be a JSON object of claims.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(JwtClaimNames.UserIdUtf8))
                {
                    Once(ref seenUserId, JwtClaimNames.UserId);
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new TokenFormatException(
                            TokenFormatError.InvalidClaimType,
                            $"The token's 'user_id' claim is a JSON {Describe(reader.TokenType)}; it must be a string.",
                            JwtClaimNames.UserId);
                    }

                    userId = reader.GetString();
                }
                else if (reader.ValueTextEquals(JwtClaimNames.ExpiresAtUtf8))
                {
                    Once(ref seenExp, JwtClaimNames.ExpiresAt);
                    exp = ReadNumericDate(ref reader, JwtClaimNames.ExpiresAt);
                }
                else if (reader.ValueTextEquals(JwtClaimNames.IssuedAtUtf8))
                {
                    Once(ref seenIat, JwtClaimNames.IssuedAt);
                    iat = ReadNumericDate(ref reader, JwtClaimNames.IssuedAt);
                }
                else if (reader.ValueTextEquals(JwtClaimNames.NotBeforeUtf8))
                {
                    Once(ref seenNbf, JwtClaimNames.NotBefore);
                    nbf = ReadNumericDate(ref reader, JwtClaimNames.NotBefore);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                throw new TokenFormatException(TokenFormatError.PayloadNotJson, "The token's payload is not valid JSON: it goes on after the claims object.");
            }
        }
        catch (JsonException ex)
        {
            throw new TokenFormatException(
                TokenFormatError.PayloadNotJson,
                $"The token's payload is not valid JSON (byte {ex.BytePositionInLine ?? 0}). Check that the token was not truncated or altered.",
                innerException: Strip(ex));
        }
        catch (InvalidOperationException ex)
        {
            // GetString on invalid UTF-8 or escapes lands here.
            throw new TokenFormatException(TokenFormatError.PayloadNotJson, "The token's payload holds a string that is not valid UTF-8 text.", innerException: Strip(ex));
        }

        return new Parsed(payload, userId, ToDate(exp), ToDate(iat), ToDate(nbf));
    }

    private static void Once(ref bool seen, string claim)
    {
        if (seen)
        {
            throw new TokenFormatException(
                TokenFormatError.DuplicateClaim,
                $"The token's payload has the '{claim}' claim more than once; its meaning is ambiguous, so the token is refused.",
                claim);
        }

        seen = true;
    }

    private static long ReadNumericDate(ref Utf8JsonReader reader, string claim)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new TokenFormatException(
                TokenFormatError.InvalidClaimType,
                $"The token's '{claim}' claim is a JSON {Describe(reader.TokenType)}; it must be a number of seconds since 1970-01-01T00:00:00Z.",
                claim);
        }

        double seconds;
        if (reader.TryGetInt64(out var whole))
        {
            seconds = whole;
        }
        else if (!reader.TryGetDouble(out seconds) || double.IsInfinity(seconds) || double.IsNaN(seconds))
        {
            throw OutOfRange(claim);
        }

        if (seconds < MinUnixSeconds || seconds > MaxUnixSeconds)
        {
            throw OutOfRange(claim);
        }

        return (long)Math.Floor(seconds);
    }

    private static TokenFormatException OutOfRange(string claim) =>
        new(
            TokenFormatError.ClaimOutOfRange,
            $"The token's '{claim}' claim is outside the dates this library can represent (years 1 to 9999); it must be seconds since 1970-01-01T00:00:00Z.",
            claim);

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
