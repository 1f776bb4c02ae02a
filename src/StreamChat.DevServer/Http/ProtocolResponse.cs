using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
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
