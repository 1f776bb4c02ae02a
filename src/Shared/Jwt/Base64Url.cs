using System;
using System.Buffers;
using System.Buffers.Text;
#if NET
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
#endif

namespace StreamChat.Jwt;

/// <summary>
/// Base64url for JWT segments. Encoding writes canonical unpadded base64url. Decoding comes in two strengths: lenient
/// (<see cref="TryDecode"/>: base64url or standard base64, padded or not, as other SDKs write tokens) for reading claims,
/// and canonical (<see cref="TryDecodeCanonical"/>: the one spelling of the bytes) for checking signed tokens.
/// </summary>
internal static class Base64Url
{
    /// <summary>The number of characters <see cref="Encode"/> writes for <paramref name="byteCount"/> bytes.</summary>
    public static int GetEncodedLength(int byteCount) => checked((byteCount * 4) + 2) / 3;

    /// <summary>The room <see cref="Encode"/> needs: the padded length, written before the padding is cut.</summary>
    public static int GetEncodeBufferLength(int byteCount) => checked((byteCount + 2) / 3 * 4);

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

    /// <summary>
    /// Encodes <paramref name="source"/> as unpadded base64url ASCII bytes into <paramref name="destination"/>, which must
    /// hold <see cref="GetEncodeBufferLength"/> bytes.
    /// </summary>
    /// <returns>The number of bytes written (<see cref="GetEncodedLength"/>).</returns>
    public static int Encode(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        if (Base64.EncodeToUtf8(source, destination, out _, out _) != OperationStatus.Done)
        {
            throw new ArgumentException("The destination is too small for the base64url text.", nameof(destination));
        }

        var text = destination.Slice(0, GetEncodedLength(source.Length));
        ToUrlAlphabet(text);
        return text.Length;
    }

    /// <summary>Encodes <paramref name="source"/> as an unpadded base64url string.</summary>
    public static string EncodeToString(ReadOnlySpan<byte> source)
    {
        var rented = ArrayPool<byte>.Shared.Rent(GetEncodeBufferLength(source.Length));
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
    /// Decodes base64url or standard base64, padded or not (alphabets may even be mixed), into <paramref name="destination"/>.
    /// Returns <see langword="false"/> for any character outside both alphabets, misplaced padding or an impossible length.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        var length = source.Length;
        var padding = 0;
        while (length > 0 && source[length - 1] == '=')
        {
            length--;
            padding++;
        }

        written = 0;
        if (padding > 2 || (padding > 0 && (length + padding) % 4 != 0))
        {
            return false;
        }

        return TryDecodeCore(source.Slice(0, length), destination, Base64Alphabets.Either, requireZeroTail: false, out written);
    }

    /// <summary>
    /// Decodes canonical base64url: only the url alphabet, no padding, and no set bits after the last whole byte. Every byte
    /// string has exactly one such spelling, so a token accepted here is byte for byte the token that was signed.
    /// </summary>
    public static bool TryDecodeCanonical(ReadOnlySpan<char> source, Span<byte> destination, out int written) =>
        TryDecodeCore(source, destination, Base64Alphabets.Url, requireZeroTail: true, out written);

    private static bool TryDecodeCore(ReadOnlySpan<char> source, Span<byte> destination, ReadOnlySpan<sbyte> map, bool requireZeroTail, out int written)
    {
#if NET
        if (TryDecodeUrlAlphabetFast(source, destination, out written))
        {
            return true;
        }
#endif
        written = 0;
        var tail = source.Length % 4;
        if (tail == 1 || destination.Length < (source.Length / 4 * 3) + (tail == 0 ? 0 : tail - 1))
        {
            return false;
        }

        var whole = source.Length - tail;
        var output = 0;
        for (var i = 0; i < whole; i += 4)
        {
            int a = Value(map, source[i]), b = Value(map, source[i + 1]), c = Value(map, source[i + 2]), d = Value(map, source[i + 3]);
            if ((a | b | c | d) < 0)
            {
                return false;
            }

            var quad = (a << 18) | (b << 12) | (c << 6) | d;
            destination[output] = (byte)(quad >> 16);
            destination[output + 1] = (byte)(quad >> 8);
            destination[output + 2] = (byte)quad;
            output += 3;
        }

        if (tail != 0)
        {
            var a = Value(map, source[whole]);
            var b = Value(map, source[whole + 1]);
            var c = tail == 3 ? Value(map, source[whole + 2]) : 0;
            if ((a | b | c) < 0)
            {
                return false;
            }

            // Two characters carry one byte and 4 unused bits; three carry two bytes and 2 unused bits.
            var unused = tail == 2 ? b & 0x0F : c & 0x03;
            if (requireZeroTail && unused != 0)
            {
                return false;
            }

            var quad = (a << 18) | (b << 12) | (c << 6);
            destination[output++] = (byte)(quad >> 16);
            if (tail == 3)
            {
                destination[output++] = (byte)(quad >> 8);
            }
        }

        written = output;
        return true;
    }

    // Base64 output differs from base64url only in '+' and '/'.
    private static void ToUrlAlphabet(Span<byte> text) => Map(text, (byte)'+', (byte)'-', (byte)'/', (byte)'_');

    private static void Map(Span<byte> text, byte from1, byte to1, byte from2, byte to2)
    {
        var i = 0;
#if NET
        if (Vector128.IsHardwareAccelerated && text.Length >= Vector128<byte>.Count)
        {
            ref var start = ref MemoryMarshal.GetReference(text);
            for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
            {
                Map(ref start, (nuint)i, from1, to1, from2, to2);
            }

            // The last partial block overlaps the one before; characters already mapped are left as they are.
            if (i < text.Length)
            {
                Map(ref start, (nuint)(text.Length - Vector128<byte>.Count), from1, to1, from2, to2);
            }

            return;
        }
#endif
        for (; i < text.Length; i++)
        {
            if (text[i] == from1)
            {
                text[i] = to1;
            }
            else if (text[i] == from2)
            {
                text[i] = to2;
            }
        }
    }

#if NET
    // '-' and '_' become '+' and '/' in one pass, which also finds whether the text held '+', '/' or '=' to begin with
    // (then it is not url-alphabet text, and the caller leaves it to the scalar decoder).
    private static bool TryMapToStandardAlphabet(Span<byte> text)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        var foreign = Vector128<byte>.Zero;
        var last = (nuint)(text.Length - Vector128<byte>.Count);
        for (nuint offset = 0; ; offset += (nuint)Vector128<byte>.Count)
        {
            // The last block may overlap the one before: its first lanes are already mapped, so they are not looked at.
            var fresh = Vector128<byte>.AllBitsSet;
            if (offset > last)
            {
                fresh = Vector128.GreaterThanOrEqual(LaneIndexes, Vector128.Create((byte)(offset - last)));
                offset = last;
            }

            var block = Vector128.LoadUnsafe(ref start, offset);
            foreign |= fresh & (Vector128.Equals(block, Vector128.Create((byte)'+')) | Vector128.Equals(block, Vector128.Create((byte)'/')) | Vector128.Equals(block, Vector128.Create((byte)'=')));
            block = Vector128.ConditionalSelect(Vector128.Equals(block, Vector128.Create((byte)'-')), Vector128.Create((byte)'+'), block);
            block = Vector128.ConditionalSelect(Vector128.Equals(block, Vector128.Create((byte)'_')), Vector128.Create((byte)'/'), block);
            block.StoreUnsafe(ref start, offset);
            if (offset == last || foreign != Vector128<byte>.Zero)
            {
                return foreign == Vector128<byte>.Zero;
            }
        }
    }

    private static Vector128<byte> LaneIndexes => Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

    private static void Map(ref byte start, nuint offset, byte from1, byte to1, byte from2, byte to2)
    {
        var block = Vector128.LoadUnsafe(ref start, offset);
        block = Vector128.ConditionalSelect(Vector128.Equals(block, Vector128.Create(from1)), Vector128.Create(to1), block);
        block = Vector128.ConditionalSelect(Vector128.Equals(block, Vector128.Create(from2)), Vector128.Create(to2), block);
        block.StoreUnsafe(ref start, offset);
    }
#endif

#if NET
    // Below this many characters the scalar loop is as quick; above it the stack buffer would grow too large.
    private const int FastPathMinimum = 16;
    private const int FastPathMaximum = 1024;

    /// <summary>
    /// Decodes text in the url alphabet alone (what nearly every token holds) through the framework's vectorised Base64.
    /// It is strict (no stray bits), so whatever it accepts both decoders accept with the same bytes; anything it refuses
    /// (another alphabet, padding, stray bits, bad characters) is left to the scalar decoder to judge.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static bool TryDecodeUrlAlphabetFast(ReadOnlySpan<char> source, Span<byte> destination, out int written)
    {
        written = 0;
        if (!Vector128.IsHardwareAccelerated || source.Length < FastPathMinimum || source.Length > FastPathMaximum || source.Length % 4 == 1)
        {
            return false;
        }

        Span<byte> text = stackalloc byte[FastPathMaximum];
        text = text.Slice(0, (source.Length + 3) & ~3);
        var body = text.Slice(0, source.Length);
        if (System.Text.Ascii.FromUtf16(source, body, out _) != OperationStatus.Done || !TryMapToStandardAlphabet(body))
        {
            return false;
        }

        text.Slice(source.Length).Fill((byte)'=');
        return Base64.DecodeFromUtf8(text, destination, out _, out written) == OperationStatus.Done;
    }
#endif

    private static int Value(ReadOnlySpan<sbyte> map, char c) => c < (uint)map.Length ? map[c] : -1;
}
