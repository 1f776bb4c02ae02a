using System.Text.Json.Nodes;

namespace StreamChat.DevServer.Protocol;

/// <summary>Writes the protocol's error response: the body <c>{"code","message","StatusCode","duration","more_info"}</c> and the HTTP status each code gets.</summary>
internal static class ErrorResponse
{
    public const string MoreInfo = "https://getstream.io/chat/docs/api_errors_response";

    /// <summary>The HTTP status the protocol gives an error code.</summary>
    public static int StatusFor(StreamErrorCode code) => code switch
    {
        StreamErrorCode.InputError => 400,
        StreamErrorCode.NotFound => 404,
        StreamErrorCode.NotAllowed or StreamErrorCode.AppSuspended => 403,
        StreamErrorCode.None => 500,
        _ => 401,
    };

    public static JsonObject Create(StreamErrorCode code, string message, int httpStatus, string duration) => new()
    {
        ["code"] = (int)code,
        ["message"] = message,
        ["StatusCode"] = httpStatus,
        ["duration"] = duration,
        ["more_info"] = MoreInfo,
    };

    /// <summary>The WebSocket form: the body wrapped in <c>{"error":…}</c>.</summary>
    public static JsonObject CreateFrame(StreamErrorCode code, string message, string duration) => new()
    {
        ["error"] = Create(code, message, StatusFor(code), duration),
    };
}
