using System;
using System.Collections.Generic;
using System.Text.Json;
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
/// <c>POST /channels/{type}/{id}/query</c> (get or create, optionally watching with a connection) and
/// <c>POST /channels/{type}/{id}/message</c> (send; <c>message.new</c> goes to every watcher) and
/// <c>POST /channels/{type}/{id}/stop-watching</c> (the connection named by <c>connection_id</c> stops receiving its events).
/// </summary>
internal static class ChannelEndpoints
{
    private const int DefaultMessageLimit = 25;
    private const int MaxMessageLimit = 300;
    private const int MaxTextLength = 5000;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapPost("/channels/{type}/{id}/query", QueryAsync);
        routes.MapPost("/channels/{type}/{id}/message", SendMessageAsync);
        routes.MapPost("/channels/{type}/{id}/stop-watching", StopWatchingAsync);
    }

    private static async Task<IResult> QueryAsync(HttpContext context, string type, string id, DevServerState state)
    {
        var caller = CallerFeature.Get(context);
        ChannelTypes.Check(type);
        Ids.CheckChannelId(id);
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        Permissions.CheckRead(caller, type);

        var data = JsonFields.OptionalObject(body, "data", "data");
        var watcher = JsonFields.OptionalBool(body, "watch", "watch") ? FindWatcher(context, body, caller, state) : null;
        var limit = MessageLimit(JsonFields.OptionalObject(body, "messages", "messages"));

        var channel = state.Channels.Find(type, id) ?? Create(caller, type, id, data, state);
        if (watcher is not null)
        {
            channel.Watch(watcher);
        }

        return ProtocolResponse.Ok(channel.StateJson(state.Users, limit, state.Connections));
    }

    private static async Task<IResult> SendMessageAsync(HttpContext context, string type, string id, DevServerState state)
    {
        var caller = CallerFeature.Get(context);
        ChannelTypes.Check(type);
        Ids.CheckChannelId(id);
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var request = JsonFields.RequiredObject(body, "message", "message");
        var text = JsonFields.OptionalString(request, "text", "message.text") ?? string.Empty;
        if (string.IsNullOrWhiteSpace(text) && request["attachments"] is not JsonArray { Count: > 0 })
        {
            throw ProtocolException.Input("message.text is required (or attachments)");
        }

        if (text.Length > MaxTextLength)
        {
            throw ProtocolException.Input($"message.text is longer than {MaxTextLength} characters");
        }

        var channel = state.Channels.Find(type, id) ?? throw ProtocolException.NotFound($"channel '{type}:{id}' does not exist");
        Permissions.CheckSendMessage(caller, type);

        var senderId = ActingUserId(caller, request, "message", "user", "for server-side requests");
        var sender = FindOrCreateUser(Ids.CheckUserId(senderId, "message.user_id"), state);
        var messageId = JsonFields.OptionalString(request, "id", "message.id") is { Length: > 0 } given ? Ids.CheckMessageId(given) : Guid.NewGuid().ToString();
        var now = Wire.Timestamp(state.Clock.GetUtcNow());
        var message = BuildMessage(request, messageId, text, sender, channel, now, state.Limits);
        if (!channel.TryAddMessage(messageId, message))
        {
            throw ProtocolException.Input($"a message with id '{Echo.Short(messageId)}' already exists");
        }

        var watchers = channel.Watchers(state.Connections);
        var newEvent = new JsonObject
        {
            ["type"] = "message.new",
            ["cid"] = channel.Cid,
            ["channel_id"] = channel.Id,
            ["channel_type"] = channel.Type,
            ["message"] = message.DeepClone(),
            ["user"] = sender.DeepClone(),
            ["watcher_count"] = watchers.Count,
            ["created_at"] = now,
        };

        // Serialized once for every watcher; enqueuing never waits on a client, so a stalled watcher cannot hold up this request.
        var frame = System.Text.Encoding.UTF8.GetBytes(newEvent.ToJsonString());
        using var span = Diagnostics.DevServerMetrics.StartFanOut(channel.Type, watchers.Count);
        foreach (var connection in watchers)
        {
            connection.Enqueue(frame);
        }

        return ProtocolResponse.Created(new JsonObject { ["message"] = message.DeepClone() });
    }

    private static async Task<IResult> StopWatchingAsync(HttpContext context, string type, string id, DevServerState state)
    {
        var caller = CallerFeature.Get(context);
        ChannelTypes.Check(type);
        Ids.CheckChannelId(id);
        var body = await RequestJson.ReadObjectAsync(context, state.Options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
        var channel = state.Channels.Find(type, id) ?? throw ProtocolException.NotFound($"channel '{type}:{id}' does not exist");
        FindWatcher(context, body, caller, state).StopWatching(channel);
        return ProtocolResponse.Ok(new JsonObject());
    }

    /// <summary>
    /// The user a request acts as: the caller's own, or for a server-side request the user the request names, as
    /// <c>{path}.{field}_id</c> or <c>{path}.{field}.id</c> (the official server clients send either).
    /// </summary>
    private static string ActingUserId(Caller caller, JsonObject? parent, string path, string field, string when) =>
        !caller.IsServer
            ? caller.UserId!
            : JsonFields.OptionalString(parent, field + "_id", $"{path}.{field}_id")
                ?? JsonFields.OptionalString(JsonFields.OptionalObject(parent, field, $"{path}.{field}"), "id", $"{path}.{field}.id")
                ?? throw ProtocolException.Input($"{path}.{field}_id or {path}.{field}.id is required {when}");

    private static Channel Create(Caller caller, string type, string id, JsonObject? data, DevServerState state)
    {
        Permissions.CheckCreate(caller);
        var creatorId = ActingUserId(caller, data, "data", "created_by", "to create a channel server-side");
        var creator = FindOrCreateUser(Ids.CheckUserId(creatorId, "data.created_by_id"), state);

        var members = MemberIds(data);
        var missing = members.FindAll(member => state.Users.RoleOf(member) is null);
        if (missing.Count > 0)
        {
            throw ProtocolException.Input($"data.members names {missing.Count} users that do not exist, the first '{Echo.Short(missing[0])}'");
        }

        return state.Channels.GetOrAdd(type, id, () => new Channel(type, id, creator, data, members, state.Clock.GetUtcNow(), state.Limits));
    }

    private static List<string> MemberIds(JsonObject? data)
    {
        var members = new List<string>();
        if (data?["members"] is null)
        {
            return members;
        }

        if (data["members"] is not JsonArray array)
        {
            throw ProtocolException.Input("data.members must be an array");
        }

        foreach (var item in array)
        {
            var memberId = item switch
            {
                JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
                JsonObject member => JsonFields.OptionalString(member, "user_id", "data.members[].user_id"),
                _ => null,
            };
            members.Add(Ids.CheckUserId(memberId, "data.members[]"));
        }

        return members;
    }

    /// <summary>The open connection a request names (body or query <c>connection_id</c>), which must be the caller's own.</summary>
    internal static ClientConnection FindWatcher(HttpContext context, JsonObject body, Caller caller, DevServerState state)
    {
        var connectionId = JsonFields.OptionalString(body, "connection_id", "connection_id") ?? SingleValue.Query(context.Request, "connection_id");
        if (string.IsNullOrEmpty(connectionId))
        {
            throw ProtocolException.Input("watching and stop-watching require a connection_id (connect the WebSocket first)");
        }

        var connection = state.Connections.Find(connectionId) ?? throw ProtocolException.Input("connection_id is not an open connection");
        return MayUse(caller, connection) ? connection : throw ProtocolException.NotAllowed("the connection belongs to another user");
    }

    // Anonymous visitors have no verified id, so any anonymous connection is theirs to use; users only their own.
    private static bool MayUse(Caller caller, ClientConnection connection) => caller.Kind switch
    {
        CallerKind.Server => true,
        CallerKind.Anonymous => connection.IsAnonymous,
        _ => !connection.IsAnonymous && connection.UserId == caller.UserId,
    };

    private static int MessageLimit(JsonObject? messages)
    {
        if (messages?["limit"] is not JsonValue value)
        {
            return DefaultMessageLimit;
        }

        return value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var limit) && limit >= 0
            ? Math.Min(limit, MaxMessageLimit)
            : throw ProtocolException.Input("messages.limit must be a non-negative integer");
    }

    private static JsonObject FindOrCreateUser(string id, DevServerState state) => state.Users.Find(id) ?? state.Users.Upsert(id, null);

    private static JsonObject BuildMessage(JsonObject request, string id, string text, JsonObject sender, Channel channel, string now, ServerLimits limits)
    {
        var message = new JsonObject();
        foreach (var (name, value) in request)
        {
            if (name is not ("id" or "text" or "user" or "user_id" or "created_at" or "updated_at" or "type" or "cid" or "html"))
            {
                message[name] = value?.DeepClone();
            }
        }

        CustomData.Check(message, limits.MaxMessageCustomDataBytes, "the message's", nameof(DevServerOptions.MaxMessageCustomDataBytes));

        message["id"] = id;
        message["text"] = text;
        message["type"] = "regular";
        message["cid"] = channel.Cid;
        message["user"] = sender.DeepClone();
        message["created_at"] = now;
        message["updated_at"] = now;
        message["attachments"] ??= new JsonArray();
        message["mentioned_users"] = new JsonArray();
        message["latest_reactions"] = new JsonArray();
        message["own_reactions"] = new JsonArray();
        message["reaction_counts"] = new JsonObject();
        message["reaction_scores"] = new JsonObject();
        message["reply_count"] = 0;
        message["silent"] = false;
        message["pinned"] = false;
        return message;
    }
}
