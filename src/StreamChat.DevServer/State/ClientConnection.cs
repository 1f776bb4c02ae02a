using System;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.DevServer.State;

/// <summary>One open WebSocket connection of a user (or an anonymous visitor).</summary>
internal sealed class ClientConnection(string id, WebSocket socket, string userId, bool isAnonymous)
{
    // A WebSocket allows one send at a time; events and health-check replies come from different threads.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public bool IsAnonymous { get; } = isAnonymous;

    public async Task SendAsync(JsonNode message, CancellationToken cancellationToken)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The peer went away; the receive loop cleans up.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Abort() => socket.Abort();
}
