using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Http;

/// <summary>Writes JSON responses with the protocol's <c>duration</c> field.</summary>
internal sealed class ProtocolResponse(JsonObject body, int statusCode) : IResult
{
    private static readonly object StartKey = new();

    public static IResult Ok(JsonObject body) => new ProtocolResponse(body, StatusCodes.Status200OK);

    public static IResult Created(JsonObject body) => new ProtocolResponse(body, StatusCodes.Status201Created);

    public static void MarkStart(HttpContext context, long timestamp) => context.Items[StartKey] = timestamp;

    public static string Duration(HttpContext context, System.TimeProvider clock) =>
        Wire.Duration(context.Items.TryGetValue(StartKey, out var start) && start is long ticks ? clock.GetElapsedTime(ticks) : System.TimeSpan.Zero);

    public static async Task WriteAsync(HttpContext context, JsonObject body, int statusCode)
    {
        context.Response.StatusCode = statusCode;

        // A body over Kestrel's cap cannot be drained after the answer, so Kestrel closes the connection: say so, or a client
        // that reuses the connection for its next request sees it cut (one time in six, in a loop, before this header).
        var request = context.Request;
        if (statusCode == StatusCodes.Status413PayloadTooLarge
            || request.ContentLength > context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            context.Response.Headers.Connection = "close";
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var state = (DevServerState)httpContext.RequestServices.GetService(typeof(DevServerState))!;
        body["duration"] = Duration(httpContext, state.Clock);
        return WriteAsync(httpContext, body, statusCode);
    }
}
