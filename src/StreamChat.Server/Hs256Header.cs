using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;
using StreamChat.Jwt;

namespace StreamChat.Server;

/// <summary>
/// The header rule of the validator: one canonical base64url JSON object whose <c>alg</c> is exactly <c>"HS256"</c>.
/// <c>typ</c> and <c>kid</c> may be absent, null or any string, and other parameters are ignored, as
/// <c>JsonWebTokenHandler</c> ignores them for a symmetric key; <c>crit</c> is refused (RFC 7515 §4.1.11: an extension
/// the validator does not understand must not be ignored), and so is any parameter given twice (compared after
/// unescaping), whatever its name. <c>docs/validation.md</c> lists the differences.
/// </summary>
internal static class Hs256Header
{
    private const int StackLimit = 256;

    /// <summary>Whether <paramref name="segment"/> is an HS256 header.</summary>
    public static bool IsValid(ReadOnlySpan<char> segment)
    {
        // The header this library, the official SDKs and most JWT libraries write: {"alg":"HS256","typ":"JWT"}.
        if (segment.SequenceEqual(Hs256.HeaderSegment.AsSpan()))
        {
            return true;
        }

        // One buffer: the decoded header, then the names read so far (never longer than the header).
        var length = segment.Length / 4 * 3 + 2;
        byte[]? rented = null;
        var buffer = length * 2 <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length * 2));
        try
        {
            return Base64Url.TryDecodeCanonical(segment, buffer.Slice(0, length), out var written)
                && System.Text.Unicode.Utf8.IsValid(buffer.Slice(0, written))
                && HasOnlyHs256(buffer.Slice(0, written), buffer.Slice(length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private enum Parameter
    {
        Other,
        Alg,
        Crit,
        TypOrKid,
    }

    private static Parameter Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("alg"u8) ? Parameter.Alg
        : reader.ValueTextEquals("crit"u8) ? Parameter.Crit
        : reader.ValueTextEquals("typ"u8) || reader.ValueTextEquals("kid"u8) ? Parameter.TypOrKid
        : Parameter.Other;

    // A string whose escapes make no text (a lone surrogate) is refused, as JsonWebTokenHandler refuses it.
    private static bool IsText(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    // Whether the property name under the reader was read before. Names are kept unescaped in `seen`, each as a four-byte
    // length then its bytes: in the JSON each takes its length, two quotes, a colon and a brace or comma, so all fit.
    private static bool IsRepeated(ref Utf8JsonReader reader, Span<byte> seen, ref int used)
    {
        var name = seen.Slice(used + 4);
        int length;
        if (!reader.ValueIsEscaped)
        {
            reader.ValueSpan.CopyTo(name);
            length = reader.ValueSpan.Length;
        }
        else
        {
            try
            {
                length = reader.CopyString(name);
            }
            catch (InvalidOperationException)
            {
                // Escapes that make no text (a lone surrogate): compare the name as it is spelled.
                reader.ValueSpan.CopyTo(name);
                length = reader.ValueSpan.Length;
            }
        }

        for (var at = 0; at < used;)
        {
            var previous = BinaryPrimitives.ReadInt32LittleEndian(seen.Slice(at));
            if (seen.Slice(at + 4, previous).SequenceEqual(name.Slice(0, length)))
            {
                return true;
            }

            at += 4 + previous;
        }

        BinaryPrimitives.WriteInt32LittleEndian(seen.Slice(used), length);
        used += 4 + length;
        return false;
    }

    private static bool HasOnlyHs256(ReadOnlySpan<byte> json, Span<byte> seen)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            var used = 0;
            var isHs256 = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (IsRepeated(ref reader, seen, ref used))
                {
                    return false;
                }

                var name = Identify(ref reader);
                reader.Read();
                switch (name)
                {
                    case Parameter.Crit:
                        return false;
                    case Parameter.Alg:
                        isHs256 = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("HS256"u8);
                        break;
                    case Parameter.TypOrKid when reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null):
                        return false;
                }

                if (reader.TokenType == JsonTokenType.String && !IsText(ref reader))
                {
                    return false;
                }

                reader.Skip();
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read() && isHs256;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
