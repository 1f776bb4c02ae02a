using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
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
/// The WebSocket <c>GET /connect?json=…&amp;api_key=…&amp;authorization=…&amp;stream-auth-type=…</c>: authenticates from the
/// query (caps included), queues the first <c>health.check</c> (with <c>connection_id</c> and <c>me</c>), then reads the client
/// (<see cref="ClientFrames"/>); on failure sends the error frame and closes with 1000.
/// </summary>
internal static class ConnectEndpoint
{
    public static void Map(IEndpointRouteBuilder routes) => routes.Map(RestAuthMiddleware.ConnectPath, ConnectAsync);

    private static async Task ConnectAsync(HttpContext context, DevServerState state)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            throw ProtocolException.Input("/connect expects a WebSocket upgrade");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        ClientConnection connection;
        JsonObject me;
        try
        {
            (connection, me) = await AuthenticateAsync(context, socket, state).ConfigureAwait(false);

            // Counted before the first frame goes out, so a client that has read it always sees the count.
            state.Connections.Add(connection);
        }
        catch (ProtocolException e)
        {
            state.Stats.CountRejection(e.Code, "WebSocket /connect", e.Message, state.Clock.GetUtcNow());
            state.Logger.LogInformation("WebSocket connect refused with code {Code}", (int)e.Code);
            await RefuseAsync(socket, e, ProtocolResponse.Duration(context, state.Clock), state, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        state.Stats.CountWebSocketConnect();
        connection.Start();
        try
        {
            connection.Enqueue(HealthCheck.Create(connection, state.Clock, me));
            await ClientFrames.ReceiveAsync(socket, connection, state, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            state.Connections.Remove(connection);
            if (!connection.IsAnonymous)
            {
                state.Users.Seen(connection.UserId);
            }

            await connection.StopAsync().ConfigureAwait(false);
            await ClientFrames.AwaitClosingHandshakeAsync(socket, state, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task<(ClientConnection Connection, JsonObject Me)> AuthenticateAsync(HttpContext context, WebSocket socket, DevServerState state)
    {
        var request = context.Request;
        if (state.Faults.TryConsumeConnectRejection(out var injected))
        {
            throw new ProtocolException(injected, DevServerFaults.Message(injected));
        }

        state.Authenticator.CheckApiKey(SingleValue.Query(request, "api_key"));
        var json = SingleValue.Query(request, "json");
        if (string.IsNullOrEmpty(json))
        {
            throw ProtocolException.Input("the json query parameter is required");
        }

        var payload = RequestJson.ParseObject(Encoding.UTF8.GetBytes(json), "json query parameter");
        var userId = JsonFields.OptionalString(payload, "user_id", "json.user_id");
        var details = JsonFields.OptionalObject(payload, "user_details", "json.user_details");
        var caller = state.Authenticator.Authenticate(SingleValue.Query(request, "stream-auth-type"), SingleValue.Query(request, "authorization"), userId);
        var connectionId = Guid.NewGuid().ToString();
        ClientConnection Connection(string owner, bool isAnonymous) =>
            new(connectionId, socket, owner, isAnonymous, caller.AuthKind, state.Limits, state.Clock, (dropped, reason) => OnDropped(dropped, reason, state));
        if (caller.IsAnonymous)
        {
            var anonymousId = string.IsNullOrEmpty(userId) ? "anon-" + connectionId : Ids.CheckUserId(userId, "json.user_id");
            var anonymous = new JsonObject { ["id"] = anonymousId, ["role"] = Roles.Anonymous, ["anon"] = true };
            return (Connection(anonymousId, isAnonymous: true), OwnUser(anonymous));
        }

        // A user token connects as its own user; the server token may connect as any user it names.
        var effectiveId = caller.IsServer ? Ids.CheckUserId(userId, "json.user_id") : caller.UserId!;
        if (!string.IsNullOrEmpty(userId) && userId != effectiveId)
        {
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "json.user_id does not match the token's user_id");
        }

        var me = state.Users.Upsert(Ids.CheckUserId(effectiveId, "user_id"), details);
        state.Users.Seen(effectiveId);
        me["online"] = true;
        return (Connection(effectiveId, isAnonymous: false), OwnUser(me));
    }

    // The "own user" fields clients read from `me` (the official JS client iterates mutes and channel_mutes).
    private static JsonObject OwnUser(JsonObject user)
    {
        user["mutes"] = new JsonArray();
        user["channel_mutes"] = new JsonArray();
        user["devices"] = new JsonArray();
        user["blocked_user_ids"] = new JsonArray();
        user["total_unread_count"] = 0;
        user["unread_channels"] = 0;
        user["unread_count"] = 0;
        user["invisible"] = false;
        return user;
    }

    private static void OnDropped(ClientConnection connection, string reason, DevServerState state)
    {
        state.Connections.Remove(connection);
        state.Stats.CountDroppedConnection();
        state.Logger.LogWarning("WebSocket {ConnectionId} dropped: {Reason}", connection.Id, reason);
    }

    // Bounded by the send timeout too: a refused client that neither reads nor answers the close must not hold the handler.
    private static async Task RefuseAsync(WebSocket socket, ProtocolException error, string duration, DevServerState state, CancellationToken aborted)
    {
        using var timeout = new CancellationTokenSource(state.Limits.SendTimeout, state.Clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, aborted);
        try
        {
            var frame = Encoding.UTF8.GetBytes(ErrorResponse.CreateFrame(error.Code, error.Message, duration).ToJsonString());
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, either.Token).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "connection refused", either.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client left before reading the error, or took too long.
        }
    }
}
