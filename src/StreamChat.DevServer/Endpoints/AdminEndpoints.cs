using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Auth;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Endpoints;

/// <summary>
/// Server-side (server token) endpoints: the app's settings (<c>GET /app</c>; <c>PATCH /app</c> with
/// <c>disable_auth_checks</c> and app-wide revocation, as the official server clients send them), per-user revocation
/// (<c>POST /users/revoke_tokens</c>, and <c>PATCH /users</c> with <c>set.revoke_tokens_issued_before</c> as the official
/// server clients send it) and user upserts (<c>POST /users</c>).
/// </summary>
internal static class AdminEndpoints
{
    private const string RevokeField = "revoke_tokens_issued_before";
    private const string DisableAuthChecksField = "disable_auth_checks";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/app", GetApp);
        routes.MapMethods("/app", ["PATCH"], UpdateAppAsync);
        routes.MapPost("/users/revoke_tokens", RevokeUserTokensAsync);
        routes.MapPost("/users", UpsertUsersAsync);
        routes.MapMethods("/users", ["PATCH"], PartialUpdateUsersAsync);
    }

    private static IResult GetApp(HttpContext context, DevServerState state)
    {
        Permissions.CheckServerSide(CallerFeature.Get(context), "reading the app settings");
        var channelConfigs = new JsonObject();
        foreach (var type in ChannelTypes.All)
        {
            channelConfigs[type] = ChannelTypes.Config(type);
        }

        var app = new JsonObject
        {
            ["name"] = "StreamChat dev server",
            [DisableAuthChecksField] = state.Authenticator.DisableAuthChecks,
            ["disable_permissions_checks"] = false,
            [RevokeField] = state.Users.AppRevokedBefore is { } cutoff ? Wire.Timestamp(cutoff) : null,
            ["channel_configs"] = channelConfigs,
        };
        return ProtocolResponse.Ok(new JsonObject { ["app"] = app });
    }

    // Settings the dev server does not model are accepted and ignored, as a partial update of them changes nothing here.
    private static async Task<IResult> UpdateAppAsync(HttpContext context, DevServerState state)
    {
        var body = await ReadServerSideAsync(context, state, "updating the app").ConfigureAwait(false);
        var before = JsonFields.OptionalTimestamp(body, RevokeField, RevokeField, out var revoke);
        bool? disableAuthChecks = body.ContainsKey(DisableAuthChecksField)
            ? JsonFields.RequiredBool(body, DisableAuthChecksField, DisableAuthChecksField)
            : null;

        // Both fields are checked before either is applied: a bad request changes nothing.
        if (revoke)
        {
            state.Users.RevokeAppTokens(before);
            state.Logger.LogInformation("App-wide token revocation {Action}", before is null ? "cleared" : "set");
        }

        if (disableAuthChecks is { } disable)
        {
            state.Authenticator.DisableAuthChecks = disable;
            state.Logger.LogInformation("Auth checks {State}", disable ? "disabled (development tokens accepted)" : "enabled");
        }

        return ProtocolResponse.Ok(new JsonObject());
    }

    private static async Task<IResult> RevokeUserTokensAsync(HttpContext context, DevServerState state)
    {
        var body = await ReadServerSideAsync(context, state, "revoking user tokens").ConfigureAwait(false);
        var ids = JsonFields.OptionalStringList(body, "user_ids", "user_ids");
        if (ids.Count == 0)
        {
            throw ProtocolException.Input("user_ids is required");
        }

        var before = JsonFields.OptionalTimestamp(body, RevokeField, RevokeField, out var present);
        if (!present)
        {
            throw ProtocolException.Input($"{RevokeField} is required (null clears it)");
        }

        foreach (var id in ids)
        {
            Ids.CheckUserId(id, "user_ids[]");
        }

        state.Users.RevokeUserTokens(ids, before);
        return ProtocolResponse.Ok(new JsonObject());
    }

    private static async Task<IResult> UpsertUsersAsync(HttpContext context, DevServerState state)
    {
        var body = await ReadServerSideAsync(context, state, "upserting users").ConfigureAwait(false);
        var users = JsonFields.RequiredObject(body, "users", "users");
        var result = new JsonObject();
        foreach (var (key, node) in users)
        {
            var at = $"users.{Echo.Short(key)}";
            var details = node as JsonObject ?? throw ProtocolException.Input($"{at} must be an object");
            var id = Ids.CheckUserId(JsonFields.OptionalString(details, "id", $"{at}.id") ?? key, $"{at}.id");
            if (id != key)
            {
                throw ProtocolException.Input($"{at}.id does not match its key");
            }

            result[id] = state.Users.Upsert(id, details, AssignableRole(details, $"{at}.role"));
        }

        return ProtocolResponse.Created(new JsonObject { ["users"] = result });
    }

    private static async Task<IResult> PartialUpdateUsersAsync(HttpContext context, DevServerState state)
    {
        var body = await ReadServerSideAsync(context, state, "updating users").ConfigureAwait(false);
        if (body["users"] is not JsonArray updates)
        {
            throw ProtocolException.Input("users must be an array of {id, set, unset}");
        }

        // Every entry is read and checked before any user changes (UserStore.PartialUpdate applies them all or none).
        var patches = new List<UserPatch>(updates.Count);
        foreach (var node in updates)
        {
            var update = node as JsonObject ?? throw ProtocolException.Input("users[] must be objects");
            var id = Ids.CheckUserId(JsonFields.OptionalString(update, "id", "users[].id"), "users[].id");
            var set = JsonFields.OptionalObject(update, "set", "users[].set") ?? new JsonObject();
            var unset = JsonFields.OptionalStringList(update, "unset", "users[].unset");
            var before = JsonFields.OptionalTimestamp(set, RevokeField, $"users[].set.{RevokeField}", out var revoke);
            patches.Add(new UserPatch(id, set, unset, AssignableRole(set, "users[].set.role"), revoke, before));
        }

        var result = state.Users.PartialUpdate(patches);
        return ProtocolResponse.Ok(new JsonObject { ["users"] = result });
    }

    private static async Task<JsonObject> ReadServerSideAsync(HttpContext context, DevServerState state, string what)
    {
        Permissions.CheckServerSide(CallerFeature.Get(context), what);
        return await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static string? AssignableRole(JsonObject details, string path) =>
        JsonFields.OptionalString(details, "role", path) switch
        {
            null => null,
            var role when Roles.IsAssignable(role) => role,
            _ => throw ProtocolException.Input($"{path} must be one of user, admin, guest"),
        };
}
