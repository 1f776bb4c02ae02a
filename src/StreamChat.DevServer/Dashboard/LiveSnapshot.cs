using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// What the live view shows, read from the server's state in one pass: the app's settings, users, open connections,
/// channels, refusals by code and the latest refusals. Long lists are cut at <see cref="MaxRows"/> (with their totals).
/// </summary>
internal static class LiveSnapshot
{
    public const int MaxRows = 200;
    public const int MaxRecentRefusals = 20;

    /// <summary>The codes the live view always lists, even at zero: the auth and input errors a developer meets.</summary>
    private static readonly StreamErrorCode[] ListedCodes =
    [
        StreamErrorCode.InvalidApiKeyOrMissingAuth, StreamErrorCode.InputError, StreamErrorCode.AuthenticationFailed,
        StreamErrorCode.NotFound, StreamErrorCode.NotAllowed, StreamErrorCode.TokenExpired, StreamErrorCode.TokenNotValidYet,
        StreamErrorCode.TokenIssuedInFuture, StreamErrorCode.TokenSignatureInvalid,
    ];

    public static JsonObject Build(DevServerState state) => new()
    {
        ["app"] = new JsonObject
        {
            ["disable_auth_checks"] = state.Authenticator.DisableAuthChecks,
            ["revoke_tokens_issued_before"] = Time(state.Users.AppRevokedBefore),
        },
        ["users"] = Users(state),
        ["connections"] = Connections(state),
        ["channels"] = Channels(state),
        ["refusals"] = Refusals(state.Stats),
    };

    private static JsonObject Users(DevServerState state)
    {
        var (total, users) = state.Users.List(MaxRows);
        var online = state.Connections.All().Where(c => !c.IsAnonymous).Select(c => c.UserId).ToHashSet();
        var rows = new JsonArray();
        foreach (var user in users)
        {
            rows.Add(new JsonObject
            {
                ["id"] = user.Id,
                ["role"] = user.Role,
                ["online"] = online.Contains(user.Id),
                ["last_seen"] = Time(user.LastSeen),
                ["revoke_tokens_issued_before"] = Time(user.RevokedBefore),
            });
        }

        return new JsonObject { ["total"] = total, ["rows"] = rows };
    }

    private static JsonObject Connections(DevServerState state)
    {
        var all = state.Connections.All();
        var rows = new JsonArray();
        foreach (var connection in all.OrderByDescending(c => c.ConnectedAt).ThenBy(c => c.Id).Take(MaxRows))
        {
            rows.Add(new JsonObject
            {
                ["id"] = connection.Id,
                ["user_id"] = connection.UserId,
                ["auth"] = connection.AuthKind,
                ["since"] = Wire.Timestamp(connection.ConnectedAt),
            });
        }

        return new JsonObject { ["total"] = all.Count, ["rows"] = rows };
    }

    private static JsonObject Channels(DevServerState state)
    {
        var all = state.Channels.All();
        var rows = new JsonArray();
        foreach (var channel in all.OrderBy(c => c.Cid, System.StringComparer.Ordinal).Take(MaxRows))
        {
            var (members, messages) = channel.Counts();
            rows.Add(new JsonObject
            {
                ["cid"] = channel.Cid,
                ["members"] = members,
                ["messages"] = messages,
                ["watchers"] = channel.Watchers(state.Connections).Count,
            });
        }

        return new JsonObject { ["total"] = all.Length, ["rows"] = rows };
    }

    private static JsonObject Refusals(DevServerStats stats)
    {
        var counts = stats.RejectionCounts().ToDictionary(pair => pair.Key, pair => pair.Value);
        var byCode = new JsonArray();
        foreach (var code in ListedCodes.Union(counts.Keys.Order()))
        {
            byCode.Add(new JsonObject { ["code"] = (int)code, ["count"] = counts.GetValueOrDefault(code) });
        }

        var recent = new JsonArray();
        foreach (var refusal in stats.Refusals.Latest().Take(MaxRecentRefusals))
        {
            recent.Add(new JsonObject
            {
                ["at"] = Wire.Timestamp(refusal.At),
                ["code"] = (int)refusal.Code,
                ["where"] = refusal.Where,
                ["message"] = refusal.Message,
            });
        }

        return new JsonObject { ["by_code"] = byCode, ["recent"] = recent };
    }

    private static string? Time(System.DateTimeOffset? time) => time is { } value ? Wire.Timestamp(value) : null;
}
