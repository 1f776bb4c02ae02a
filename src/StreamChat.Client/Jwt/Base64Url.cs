using System;
using System.Buffers;
using System.Buffers.Text;

namespace StreamChat.Jwt;

/// <summary>Base64url encoding for JWT segments; decoding also accepts standard base64, padded or not.</summary>
internal static class Base64Url
{
    private const byte Invalid = 0xFF;
    private static readonly byte[] DecodeMap = BuildDecodeMap();

    /// <summary>The number of characters <see cref="Encode"/> writes for <paramref name="byteCount"/> bytes.</summary>
    public static int GetEncodedLength(int byteCount) => checked((byteCount * 4) + 2) / 3;

    /// <summary>The number of bytes <paramref name="source"/> decodes to, ignoring trailing padding; exact when the text is valid.</summary>
    public static int GetDecodedLength(ReadOnlySpan<char> source)
    {
        var length = source.Length;
        while (length > 0 && source[length - 1] == '=')
        {
            length--;
        }

        return (int)((long)length * 3 / 4);
    }

    /// <summary>Encodes <paramref name="source"/> as unpadded base64url ASCII bytes into <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var status = Base64.EncodeToUtf8(source, destination, out _, out var written);
        if (status != OperationStatus.Done)
        {
            throw new ArgumentException("The destination is too small for the base64url text.", nameof(destination));
        }

        while (written > 0 && destination[written - 1] == (byte)'=')
        {
            written--;
        }

        for (var i = 0; i < written; i++)
        {
            switch (destination[i])
            {
                case (byte)'+': destination[i] = (byte)'-'; break;
                case (byte)'/': destination[i] = (byte)'_'; break;
            }
        }

        return written;
    }

    /// <summary>Encodes <paramref name="source"/> as an unpadded base64url string.</summary>
    public static string EncodeToString(ReadOnlySpan<byte> source)
    {
        var length = GetEncodedLength(source.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length + 4);
        try
        {
            var written = Encode(source, rented);
            return Ascii.GetString(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Decodes base64url or standard base64, padded or not, into <paramref name="destination"/>.
    /// Returns <see langword="false"/> for any character outside both alphabets, misplaced padding or an impossible length.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        written = 0;
        var length = source.Length;
        var padding = 0;
        while (length > 0 && source[length - 1] == '=')
        {
            length--;
            padding++;
        }

        if (padding > 2 || (padding > 0 && (length + padding) % 4 != 0) || length % 4 == 1)
        {
            return false;
        }

        if (destination.Length < (length * 3) / 4)
        {
            return false;
        }

        var accumulator = 0;
        var bits = 0;
        for (var i = 0; i < length; i++)
        {
            var c = source[i];
            var value = c < 128 ? DecodeMap[c] : Invalid;
            if (value == Invalid)
            {
                written = 0;
                return false;
            }

            accumulator = (accumulator << 6) | value;
            bits += 6;
            if (bits >= 8)
            {
                bits -= 8;
                destination[written++] = (byte)(accumulator >> bits);
                accumulator &= (1 << bits) - 1;
            }
        }

        return true;
    }

    private static byte[] BuildDecodeMap()
    {
        var map = new byte[128];
        for (var i = 0; i < map.Length; i++)
        {
            map[i] = Invalid;
        }

        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (var i = 0; i < alphabet.Length; i++)
        {
            map[alphabet[i]] = (byte)i;
        }

        map['+'] = 62;
        map['-'] = 62;
        map['/'] = 63;
        map['_'] = 63;
        return map;
    }
}
