using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Dashboard;

/// <summary>Dashboard errors: the protocol's error body, plus <c>field</c> naming the form field at fault.</summary>
internal static class DashboardErrors
{
    public static async Task WriteAsync(HttpContext context, StreamErrorCode code, string message, int status, string? field, DevServerState state)
    {
        context.Response.Clear();
        SecurityHeaders.Apply(context.Response);
        var body = ErrorResponse.Create(code, message, status, ProtocolResponse.Duration(context, state.Clock));
        if (field is not null)
        {
            body["field"] = field;
        }

        await ProtocolResponse.WriteAsync(context, body, status).ConfigureAwait(false);
    }
}
