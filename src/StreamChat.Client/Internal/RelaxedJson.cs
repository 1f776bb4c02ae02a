using System.Text.Encodings.Web;
using System.Text.Json;

namespace StreamChat;

/// <summary>The JSON every writer here uses: token payloads and request bodies.</summary>
internal static class RelaxedJson
{
    /// <summary>
    /// Writer options that leave non-ASCII and HTML-sensitive characters unescaped: the JSON goes to the chat API and
    /// into tokens, never into HTML, and escaping would make payloads longer and differ from the official SDKs'.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
