using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// <c>GET /dashboard</c>: the link's key becomes a session cookie and a redirect that drops the key from the address bar and
/// hands the page secret to the page in the fragment; with a session the dashboard page, without one the sign-in page (HTTP
/// 401). <c>POST /dashboard/login</c> signs in with the API secret (JSON, from the page's script) and answers the page
/// secret; <c>POST /dashboard/logout</c> signs out.
/// </summary>
internal sealed class DashboardPages(DevServerState state)
{
    private const string DashboardPage = "dashboard.html";
    private const string SignInPage = "login.html";

    public async Task IndexAsync(HttpContext context)
    {
        var access = state.Dashboard;
        if (SingleValue.Query(context.Request, "key") is { } key)
        {
            // A wrong key lands on the sign-in page, which says why; neither address keeps the key.
            // The page secret travels in the fragment, which the browser keeps to itself; the page moves it to its tab's storage.
            var valid = access.IsKey(key);
            var pageSecret = valid ? access.StartSession(context) : null;
            state.Logger.LogInformation("Dashboard link opened with {Validity} key", valid ? "the" : "a wrong");
            context.Response.StatusCode = StatusCodes.Status303SeeOther;
            context.Response.Headers.Location = valid ? $"{DashboardMiddleware.Root}#page={pageSecret}" : DashboardMiddleware.Root + "?refused=key";
            return;
        }

        // ?signin: the sign-in page even with a cookie, for a tab that has no page secret (a new tab, a cleared storage).
        var signedIn = access.HasSessionCookie(context) && SingleValue.Query(context.Request, "signin") is null;
        await DashboardAssets.TryWriteAsync(context, signedIn ? DashboardPage : SignInPage, signedIn ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized)
            .ConfigureAwait(false);
    }

    public async Task SignInAsync(HttpContext context)
    {
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var secret = JsonFields.OptionalString(body, "secret", "secret");
        if (string.IsNullOrEmpty(secret))
        {
            throw new DashboardInputException("secret", "Enter the app's API secret.");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(state.ApiSecret)))
        {
            state.Logger.LogInformation("Dashboard sign-in with a wrong secret");
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "That is not this app's API secret (the dev server printed it at start).");
        }

        var pageSecret = state.Dashboard.StartSession(context);
        await ProtocolResponse.WriteAsync(context, new JsonObject { ["page_secret"] = pageSecret }, StatusCodes.Status200OK).ConfigureAwait(false);
    }

    public Task SignOut(HttpContext context)
    {
        state.Dashboard.EndSession(context);
        return ProtocolResponse.WriteAsync(context, new JsonObject(), StatusCodes.Status200OK);
    }
}
