using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace StreamChat.DevServer.Protocol;

/// <summary>
/// A request body must say it is UTF-8 JSON (<c>application/json</c> or a <c>+json</c> type, charset absent or UTF-8), or it
/// gets code 4 with HTTP 415. Besides being honest about what is parsed, this keeps browsers from posting to the dev server
/// from a foreign page without a CORS preflight: text/plain and form bodies are exactly what a page may send unasked.
/// </summary>
internal static class JsonContentType
{
    public static void Check(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            && (parsed.MediaType.Equals("application/json", System.StringComparison.OrdinalIgnoreCase) || parsed.Suffix.Equals("json", System.StringComparison.OrdinalIgnoreCase))
            && (!parsed.Charset.HasValue || IsUtf8(HeaderUtilities.RemoveQuotes(parsed.Charset).Value)))
        {
            return;
        }

        throw new ProtocolException(StreamErrorCode.InputError, "send the request body as JSON: Content-Type application/json (UTF-8)", StatusCodes.Status415UnsupportedMediaType);
    }

    private static bool IsUtf8(string? charset) =>
        string.Equals(charset, "utf-8", System.StringComparison.OrdinalIgnoreCase) || string.Equals(charset, "utf8", System.StringComparison.OrdinalIgnoreCase);
}
