using System;
using System.Text;

namespace StreamChat.Jwt;

/// <summary>
/// A fast path for <see cref="PayloadClaims"/>: reads the payloads issuers write, one flat object in compact JSON, with
/// property names and strings without escapes, integer numbers and the literals; <see cref="System.Text.Json.Utf8JsonReader"/>
/// takes several times longer over the same bytes. It never judges a payload: anything outside that shape (whitespace,
/// escapes, fractions, nesting, a duplicate or out-of-range claim, anything wrong) makes it give up, and the caller reads
/// the payload again with the full JSON reader, whose verdict stands.
/// </summary>
internal static class CompactPayload
{
    // Numbers of up to 18 digits always fit a long; longer ones go to the full reader.
    private const int MaxDigits = 18;

    /// <summary>Reads the reserved claims of a compact payload (already checked to be UTF-8).</summary>
    /// <returns><see langword="true"/> when the payload had the compact shape and its claims are in <paramref name="claims"/>.</returns>
    public static bool TryRead(ReadOnlySpan<byte> payload, ref PayloadClaims claims)
    {
        if (payload.Length < 2 || payload[0] != (byte)'{')
        {
            return false;
        }

        var position = 1;
        if (payload[position] == (byte)'}')
        {
            return payload.Length == 2;
        }

        while (true)
        {
            if (!TryReadString(payload, ref position, out var name) || position >= payload.Length || payload[position++] != (byte)':')
            {
                return false;
            }

            if (!TryReadValue(payload, ref position, out var kind, out var value) || !Store(ref claims, name, kind, value))
            {
                return false;
            }

            if (position >= payload.Length)
            {
                return false;
            }

            var next = payload[position++];
            if (next == (byte)'}')
            {
                return position == payload.Length;
            }

            if (next != (byte)',')
            {
                return false;
            }
        }
    }

    private enum ValueKind
    {
        String,
        Integer,
        True,
        Other,
    }

    private static bool Store(ref PayloadClaims claims, ReadOnlySpan<byte> name, ValueKind kind, ReadOnlySpan<byte> value)
    {
        switch (name.Length)
        {
            case 3 when name.SequenceEqual(ReservedClaims.ExpiresAtUtf8):
                return TryStoreSeconds(ref claims.ExpiresAt, kind, value);
            case 3 when name.SequenceEqual(ReservedClaims.IssuedAtUtf8):
                return TryStoreSeconds(ref claims.IssuedAt, kind, value);
            case 3 when name.SequenceEqual(ReservedClaims.NotBeforeUtf8):
                return TryStoreSeconds(ref claims.NotBefore, kind, value);
            case 6 when name.SequenceEqual(ReservedClaims.ServerUtf8):
                claims.ServerCount++;
                claims.ServerIsTrue = kind == ValueKind.True;
                return true;
            case 7 when name.SequenceEqual(ReservedClaims.UserIdUtf8):
                if (kind != ValueKind.String || claims.UserId is not null)
                {
                    return false;
                }

                claims.UserId = Utf8String(value);
                return true;
            default:
                return true;
        }
    }

    private static bool TryStoreSeconds(ref long? field, ValueKind kind, ReadOnlySpan<byte> value)
    {
        if (kind != ValueKind.Integer || field is not null)
        {
            return false;
        }

        // The text is a checked JSON integer of at most 18 digits, so it fits a long as it is.
        var negative = value[0] == (byte)'-';
        long seconds = 0;
        for (var i = negative ? 1 : 0; i < value.Length; i++)
        {
            seconds = (seconds * 10) + (value[i] - '0');
        }

        seconds = negative ? -seconds : seconds;
        if (!NumericDate.IsInRange(seconds))
        {
            return false;
        }

        field = seconds;
        return true;
    }

    // A string without escapes or control characters; position ends after the closing quote.
    private static bool TryReadString(ReadOnlySpan<byte> payload, ref int position, out ReadOnlySpan<byte> text)
    {
        text = default;
        if (position >= payload.Length || payload[position] != (byte)'"')
        {
            return false;
        }

        // One pass: most names and values are a few characters, shorter than a vectorised search pays for.
        var start = position + 1;
        for (var i = start; i < payload.Length; i++)
        {
            var b = payload[i];
            if (b == (byte)'"')
            {
                text = payload.Slice(start, i - start);
                position = i + 1;
                return true;
            }

            if (b == (byte)'\\' || b < 0x20)
            {
                return false;
            }
        }

        return false;
    }

    private static bool TryReadValue(ReadOnlySpan<byte> payload, ref int position, out ValueKind kind, out ReadOnlySpan<byte> value)
    {
        kind = ValueKind.Other;
        value = default;
        if (position >= payload.Length)
        {
            return false;
        }

        var first = payload[position];
        if (first == (byte)'"')
        {
            kind = ValueKind.String;
            return TryReadString(payload, ref position, out value);
        }

        if (first == (byte)'-' || IsDigit(first))
        {
            kind = ValueKind.Integer;
            return TryReadInteger(payload, ref position, out value);
        }

        var rest = payload.Slice(position);
        if (rest.StartsWith("true"u8))
        {
            kind = ValueKind.True;
            position += 4;
            return true;
        }

        if (rest.StartsWith("false"u8) || rest.StartsWith("null"u8))
        {
            position += first == (byte)'f' ? 5 : 4;
            return true;
        }

        // Objects, arrays and anything else: the full reader's job.
        return false;
    }

    // JSON's integer form: an optional minus, then 0 or a digit 1-9 followed by digits; no fraction or exponent.
    private static bool TryReadInteger(ReadOnlySpan<byte> payload, ref int position, out ReadOnlySpan<byte> value)
    {
        var start = position;
        if (payload[position] == (byte)'-')
        {
            position++;
        }

        var digitsStart = position;
        while (position < payload.Length && IsDigit(payload[position]))
        {
            position++;
        }

        var digits = position - digitsStart;
        value = payload.Slice(start, position - start);
        if (digits == 0 || digits > MaxDigits || (digits > 1 && payload[digitsStart] == (byte)'0'))
        {
            return false;
        }

        // A fraction or exponent follows: not an integer, so not this reader's to judge.
        return position >= payload.Length || payload[position] is not ((byte)'.' or (byte)'e' or (byte)'E');
    }

    private static unsafe string Utf8String(ReadOnlySpan<byte> text)
    {
        if (text.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* bytes = text)
        {
            return Encoding.UTF8.GetString(bytes, text.Length);
        }
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
