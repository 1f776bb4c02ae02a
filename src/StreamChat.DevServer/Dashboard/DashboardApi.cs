using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// The dashboard's calls (a session and the page's own origin required): the app's key and a server token for the
/// protocol's own <c>GET/PATCH /app</c>, revealing the secret, a token for testing, and revocation on the server's clock.
/// </summary>
internal sealed class DashboardApi(DevServerState state)
{
    /// <summary>How long the page's server token is valid; the page asks for a new one when it is refused.</summary>
    public static readonly System.TimeSpan ServerTokenLifetime = System.TimeSpan.FromMinutes(5);

    /// <summary>
    /// What the page needs to start. The server token lets the "disable auth checks" switch use <c>GET/PATCH /app</c> as the
    /// official server clients do; it expires after <see cref="ServerTokenLifetime"/>, so one that leaks from the page is not
    /// full access for ever.
    /// </summary>
    public Task App(HttpContext context) => WriteAsync(context, new JsonObject
    {
        ["api_key"] = state.ApiKey,
        ["base_url"] = $"{context.Request.Scheme}://{context.Request.Host.Value}/",
        ["server_token"] = state.Issuer.CreateServerToken(ServerTokenLifetime),
    });

    public Task Secret(HttpContext context)
    {
        state.Logger.LogInformation("Dashboard: the API secret was revealed");
        return WriteAsync(context, new JsonObject { ["api_secret"] = state.ApiSecret });
    }

    public async Task CreateTokenAsync(HttpContext context)
    {
        var body = await ReadAsync(context).ConfigureAwait(false);
        var form = TokenForm.Parse(body);
        await WriteAsync(context, TokenForm.Issue(form, state.Issuer, state.Clock)).ConfigureAwait(false);
    }

    /// <summary><c>{"user_id"?, "revoked"}</c>: revokes (or lifts) the tokens of one user, or of the whole app without a user id.</summary>
    public async Task RevokeAsync(HttpContext context)
    {
        var body = await ReadAsync(context).ConfigureAwait(false);
        var userId = JsonFields.OptionalString(body, "user_id", "user_id");
        var revoked = JsonFields.RequiredBool(body, "revoked", "revoked");
        var cutoff = revoked ? state.Clock.GetUtcNow() : (System.DateTimeOffset?)null;
        if (userId is null)
        {
            cutoff = state.Users.RevokeAppTokens(cutoff);
        }
        else
        {
            if (state.Users.RoleOf(Ids.CheckUserId(userId, "user_id")) is null)
            {
                throw new DashboardInputException("user_id", $"There is no user '{Echo.Short(userId)}'.");
            }

            cutoff = state.Users.RevokeUserTokens([userId], cutoff);
        }

        state.Logger.LogInformation("Dashboard: {Scope} token revocation {Action}", userId is null ? "app-wide" : "a user's", revoked ? "set" : "lifted");
        await WriteAsync(context, new JsonObject { ["revoke_tokens_issued_before"] = cutoff is { } at ? Wire.Timestamp(at) : null }).ConfigureAwait(false);
    }

    private Task<JsonObject> ReadAsync(HttpContext context) =>
        RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted);

    private static Task WriteAsync(HttpContext context, JsonObject body) => ProtocolResponse.WriteAsync(context, body, StatusCodes.Status200OK);
}
