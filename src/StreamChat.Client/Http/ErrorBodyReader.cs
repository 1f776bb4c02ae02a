using System;
using System.Net;
using System.Text.Json;

namespace StreamChat.Http;

/// <summary>Reads the server's error body <c>{"code","message","StatusCode","duration","more_info"}</c> leniently.</summary>
internal static class ErrorBodyReader
{
    /// <summary>Turns an error body into a typed exception. Missing or malformed fields are tolerated.</summary>
    public static ChatApiException ToException(ReadOnlySpan<byte> body, HttpStatusCode status)
    {
        var code = 0;
        string? message = null;
        string? moreInfo = null;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                using var document = JsonDocument.ParseValue(ref reader);
                Read(document.RootElement, ref code, ref status, ref message, ref moreInfo);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's HTML page, for example): the HTTP status is all there is.
        }

        return new ChatApiException(code, status, message, moreInfo);
    }

    /// <summary>Reads the fields of an error object (a REST body, or the <c>error</c> of a WebSocket frame).</summary>
    public static ChatApiException ToException(JsonElement error, HttpStatusCode fallbackStatus)
    {
        var code = 0;
        var status = fallbackStatus;
        string? message = null;
        string? moreInfo = null;
        Read(error, ref code, ref status, ref message, ref moreInfo);
        return new ChatApiException(code, status, message, moreInfo);
    }

    private static void Read(JsonElement root, ref int code, ref HttpStatusCode status, ref string? message, ref string? moreInfo)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in root.EnumerateObject())
        {
            switch (property.Name)
            {
                case "code":
                    code = ReadInt(property.Value) ?? code;
                    break;
                case "StatusCode":
                    if (ReadInt(property.Value) is { } s and >= 100 and <= 599)
                    {
                        status = (HttpStatusCode)s;
                    }

                    break;
                case "message":
                    message = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : message;
                    break;
                case "more_info":
                    moreInfo = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : moreInfo;
                    break;
            }
        }
    }

    private static int? ReadInt(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };
}
