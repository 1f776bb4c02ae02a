using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using StreamChat.DevServer.Auth;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Endpoints;

/// <summary>
/// <c>POST /sync</c> <c>{"channel_cids":[…],"last_sync_at":"…"}</c>: what happened in those channels since
/// <c>last_sync_at</c>, as the official clients ask after a reconnect (<c>sync(channel_cids, last_sync_at)</c>). The
/// answer is <c>{"events":[…]}</c>, oldest first: a <c>message.new</c> for every message a channel still keeps that was
/// created at or after <c>last_sync_at</c> (inclusive, so a client that passes the time of the last event it saw misses
/// nothing created in the same microsecond, and drops what it already has by message id). A channel keeps only its latest
/// <see cref="ServerLimits.MaxMessagesPerChannel"/> messages, so older missed ones are not recovered. Channels that do not
/// exist or that the caller may not read yield <c>notification.removed_from_channel</c>, or are listed in
/// <c>inaccessible_cids</c> with <c>with_inaccessible_cids:true</c>. With <c>watch:true</c> the caller's connection
/// (<c>connection_id</c>) also watches the readable ones.
/// </summary>
internal static class SyncEndpoint
{
    /// <summary>Channels per request: a bound on the work of one request (clients with more split them).</summary>
    public const int MaxChannelCids = 1000;

    public static void Map(IEndpointRouteBuilder routes) => routes.MapPost("/sync", SyncAsync);

    private static async Task<IResult> SyncAsync(HttpContext context, DevServerState state)
    {
        var caller = CallerFeature.Get(context);
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var cids = JsonFields.OptionalStringList(body, "channel_cids", "channel_cids");
        if (cids.Count == 0)
        {
            throw ProtocolException.Input("channel_cids must list at least one channel");
        }

        if (cids.Count > MaxChannelCids)
        {
            throw ProtocolException.Input($"channel_cids lists {cids.Count} channels; at most {MaxChannelCids} per request");
        }

        var since = JsonFields.OptionalTimestamp(body, "last_sync_at", "last_sync_at", out _)
            ?? throw ProtocolException.Input("last_sync_at is required (an RFC 3339 time)");
        var watcher = JsonFields.OptionalBool(body, "watch", "watch") ? ChannelEndpoints.FindWatcher(context, body, caller, state) : null;
        var listInaccessible = JsonFields.OptionalBool(body, "with_inaccessible_cids", "with_inaccessible_cids");

        var now = Wire.Timestamp(state.Clock.GetUtcNow());
        var found = new List<(DateTimeOffset CreatedAt, JsonObject Event)>();
        var inaccessible = new JsonArray();
        foreach (var cid in cids.Distinct(StringComparer.Ordinal))
        {
            if (Readable(caller, cid, state) is not { } channel)
            {
                if (listInaccessible)
                {
                    inaccessible.Add(cid);
                }
                else
                {
                    found.Add((DateTimeOffset.MinValue, RemovedEvent(cid, now)));
                }

                continue;
            }

            if (watcher is not null)
            {
                channel.Watch(watcher);
            }

            foreach (var (createdAt, message) in channel.MessagesSince(since))
            {
                found.Add((createdAt, NewMessageEvent(channel, message)));
            }
        }

        var events = new JsonArray();
        foreach (var (_, item) in found.OrderBy(entry => entry.CreatedAt))
        {
            events.Add(item);
        }

        var answer = new JsonObject { ["events"] = events };
        if (listInaccessible)
        {
            answer["inaccessible_cids"] = inaccessible;
        }

        return ProtocolResponse.Ok(answer);
    }

    /// <summary>The channel of <paramref name="cid"/> when it exists and the caller may read it, else null.</summary>
    private static Channel? Readable(Caller caller, string cid, DevServerState state)
    {
        var colon = cid.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == cid.Length - 1)
        {
            throw ProtocolException.Input($"channel_cids has '{Echo.Short(cid)}', which is not type:id");
        }

        var type = cid[..colon];
        var id = cid[(colon + 1)..];
        ChannelTypes.Check(type);
        Ids.CheckChannelId(id);
        return Permissions.MayRead(caller, type) ? state.Channels.Find(type, id) : null;
    }

    private static JsonObject NewMessageEvent(Channel channel, JsonObject message) => new()
    {
        ["type"] = "message.new",
        ["cid"] = channel.Cid,
        ["channel_id"] = channel.Id,
        ["channel_type"] = channel.Type,
        ["message"] = message,
        ["user"] = message["user"]?.DeepClone(),
        ["created_at"] = message["created_at"]?.DeepClone(),
    };

    private static JsonObject RemovedEvent(string cid, string now)
    {
        var colon = cid.IndexOf(':', StringComparison.Ordinal);
        return new JsonObject
        {
            ["type"] = "notification.removed_from_channel",
            ["cid"] = cid,
            ["channel_id"] = cid[(colon + 1)..],
            ["channel_type"] = cid[..colon],
            ["created_at"] = now,
        };
    }
}
