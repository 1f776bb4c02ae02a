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
/// Server-side (server token) endpoints: app-wide revocation (<c>PATCH /app</c>), per-user revocation
/// (<c>POST /users/revoke_tokens</c>, and <c>PATCH /users</c> with <c>set.revoke_tokens_issued_before</c> as the official
/// server clients send it) and user upserts (<c>POST /users</c>).
/// </summary>
internal static class AdminEndpoints
{
    private const string RevokeField = "revoke_tokens_issued_before";

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapMethods("/app", ["PATCH"], UpdateAppAsync);
        routes.MapPost("/users/revoke_tokens", RevokeUserTokensAsync);
        routes.MapPost("/users", UpsertUsersAsync);
        routes.MapMethods("/users", ["PATCH"], PartialUpdateUsersAsync);
    }

    private static async Task<IResult> UpdateAppAsync(HttpContext context, DevServerState state)
    {
        var body = await ReadServerSideAsync(context, state, "updating the app").ConfigureAwait(false);
        var before = JsonFields.OptionalTimestamp(body, RevokeField, RevokeField, out var present);
        if (present)
        {
            state.Users.RevokeAppTokens(before);
            state.Logger.LogInformation("App-wide token revocation {Action}", before is null ? "cleared" : "set");
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

        var result = new JsonObject();
        foreach (var node in updates)
        {
            var update = node as JsonObject ?? throw ProtocolException.Input("users[] must be objects");
            var id = Ids.CheckUserId(JsonFields.OptionalString(update, "id", "users[].id"), "users[].id");
            var set = JsonFields.OptionalObject(update, "set", "users[].set") ?? new JsonObject();
            var before = JsonFields.OptionalTimestamp(set, RevokeField, $"users[].set.{RevokeField}", out var revoke);
            result[id] = state.Users.Upsert(id, set, AssignableRole(set, "users[].set.role"));
            if (revoke)
            {
                state.Users.RevokeUserTokens([id], before);
                result[id] = state.Users.Find(id);
            }
        }

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
