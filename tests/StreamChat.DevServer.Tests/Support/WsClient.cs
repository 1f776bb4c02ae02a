using System;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>A WebSocket client speaking the <c>/connect</c> protocol over loopback.</summary>
internal sealed class WsClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();

    private WsClient()
    {
    }

    public WebSocketState State => _socket.State;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<WsClient> ConnectAsync(DevServer server, string? userId, string? token, string authType = "jwt", JsonObject? userDetails = null, string? apiKey = "", string? json = null)
    {
        var uri = new Uri($"ws://{server.BaseUrl.Authority}{ConnectUrl.Target(server, userId, token, authType, userDetails, apiKey, json)}");
        var client = new WsClient();
        using var guard = HangGuard.Start();
        await client._socket.ConnectAsync(uri, guard.Token);
        return client;
    }

    /// <summary>The next text frame as JSON, or null when the server closed the connection.</summary>
    public async Task<JsonObject?> ReceiveAsync()
    {
        using var guard = HangGuard.Start();
        var buffer = new byte[64 * 1024];
        var length = 0;
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.AsMemory(length), guard.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            length += result.Count;
            if (result.EndOfMessage)
            {
                return (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
            }
        }
    }

    /// <summary>Receives frames until one of <paramref name="type"/> arrives.</summary>
    public async Task<JsonObject> ReceiveEventAsync(string type)
    {
        while (true)
        {
            var frame = await ReceiveAsync() ?? throw new AssertionException($"The connection closed before a {type} event.");
            if (frame["type"]?.GetValue<string>() == type)
            {
                return frame;
            }
        }
    }

    /// <summary>
    /// Reads frames into one buffer until <paramref name="count"/> events of <paramref name="type"/> arrived, the server
    /// closed the connection or <paramref name="cancellation"/> fired; returns the <c>message.id</c> of each such event.
    /// </summary>
    public async Task<System.Collections.Generic.List<string>> ReceiveMessageIdsAsync(string type, int count, CancellationToken cancellation)
    {
        var ids = new System.Collections.Generic.List<string>(count);
        var buffer = new byte[64 * 1024];
        var length = 0;
        try
        {
            while (ids.Count < count)
            {
                var result = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellation);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                length += result.Count;
                if (result.EndOfMessage)
                {
                    var frame = (JsonObject)JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
                    length = 0;
                    if (frame["type"]?.GetValue<string>() == type)
                    {
                        ids.Add(frame["message"]!["id"]!.GetValue<string>());
                    }
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // What arrived so far is the answer; the caller asserts on it.
        }

        return ids;
    }

    public async Task SendAsync(string text)
    {
        using var guard = HangGuard.Start();
        await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, guard.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            using var guard = HangGuard.Start();
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, guard.Token);
            }
            catch (WebSocketException)
            {
            }
        }

        _socket.Dispose();
    }
}
