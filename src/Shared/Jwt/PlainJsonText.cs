#if NET
using System.Buffers;

namespace StreamChat.Jwt;

/// <summary>
/// The characters a string may hold to be written into a token's payload byte for byte: printable ASCII but the quote and
/// the backslash, which <see cref="System.Text.Json.Utf8JsonWriter"/> with the runtime's relaxed encoder
/// (<c>UnsafeRelaxedJsonEscaping</c>) writes as they are. Any other character (DEL, a control character, non-ASCII) the
/// writer escapes or encodes, so a string holding one goes through the writer.
/// </summary>
internal static class PlainJsonText
{
    /// <summary>The characters, for one vectorised search (<c>IndexOfAnyExcept</c>).</summary>
    public static readonly SearchValues<char> Characters = SearchValues.Create(
        " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~");
}
#endif
