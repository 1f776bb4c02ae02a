using System;
using System.Buffers;
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
/// query, sends the first <c>health.check</c> (with <c>connection_id</c> and <c>me</c>), answers the client's health checks,
/// and on failure sends the error frame and closes with 1000.
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
            state.Stats.CountRejection(e.Code);
            state.Logger.LogInformation("WebSocket connect refused with code {Code}", (int)e.Code);
            await RefuseAsync(socket, e, ProtocolResponse.Duration(context, state.Clock), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        state.Stats.CountWebSocketConnect();
        try
        {
            await connection.SendAsync(HealthCheck(connection, state, me), context.RequestAborted).ConfigureAwait(false);
            await ReceiveLoopAsync(socket, connection, state, context.RequestAborted).ConfigureAwait(false);
        }
        finally
        {
            state.Connections.Remove(connection);
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
        var caller = await state.Authenticator.AuthenticateAsync(SingleValue.Query(request, "stream-auth-type"), SingleValue.Query(request, "authorization"), userId).ConfigureAwait(false);
        var connectionId = Guid.NewGuid().ToString();
        if (caller.IsAnonymous)
        {
            var anonymousId = string.IsNullOrEmpty(userId) ? "anon-" + connectionId : Ids.CheckUserId(userId, "json.user_id");
            var anonymous = new JsonObject { ["id"] = anonymousId, ["role"] = Roles.Anonymous, ["anon"] = true };
            return (new ClientConnection(connectionId, socket, anonymousId, isAnonymous: true), OwnUser(anonymous));
        }

        // A user token connects as its own user; the server token may connect as any user it names.
        var effectiveId = caller.IsServer ? Ids.CheckUserId(userId, "json.user_id") : caller.UserId!;
        if (!string.IsNullOrEmpty(userId) && userId != effectiveId)
        {
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "json.user_id does not match the token's user_id");
        }

        var me = state.Users.Upsert(Ids.CheckUserId(effectiveId, "user_id"), details);
        me["online"] = true;
        return (new ClientConnection(connectionId, socket, effectiveId, isAnonymous: false), OwnUser(me));
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

    private static JsonObject HealthCheck(ClientConnection connection, DevServerState state, JsonObject? me)
    {
        var check = new JsonObject
        {
            ["type"] = "health.check",
            ["connection_id"] = connection.Id,
            ["cid"] = "*",
            ["created_at"] = Wire.Timestamp(state.Clock.GetUtcNow()),
        };
        if (me is not null)
        {
            check["me"] = me;
        }

        return check;
    }

    private static async Task ReceiveLoopAsync(WebSocket socket, ClientConnection connection, DevServerState state, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken).ConfigureAwait(false);
                    return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > state.Options.MaxRequestBodyBytes)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "message too large", cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (received.EndOfMessage)
                {
                    if (StrictJson.TryParse(buffer.WrittenSpan, out var frame, out _) && IsHealthCheck(frame))
                    {
                        await connection.SendAsync(HealthCheck(connection, state, me: null), cancellationToken).ConfigureAwait(false);
                    }

                    buffer.ResetWrittenCount();
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted (a fault, a shutdown) or the peer vanished.
        }
    }

    // The client sends [{"type":"health.check","client_id":…}]; accept the bare object too.
    private static bool IsHealthCheck(JsonNode? message) => message switch
    {
        JsonArray array => array.Count > 0 && IsHealthCheck(array[0]),
        JsonObject item => item["type"] is JsonValue type && type.ToString() == "health.check",
        _ => false,
    };

    private static async Task RefuseAsync(WebSocket socket, ProtocolException error, string duration, CancellationToken cancellationToken)
    {
        try
        {
            var frame = Encoding.UTF8.GetBytes(ErrorBody.CreateFrame(error.Code, error.Message, duration).ToJsonString());
            await socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "connection refused", cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            // The client left before reading the error.
        }
    }
}
