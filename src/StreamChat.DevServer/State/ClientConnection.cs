using System;
using System.Collections.Generic;
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
    private readonly HashSet<Channel> _watching = [];

    public string Id { get; } = id;

    public string UserId { get; } = userId;

    public bool IsAnonymous { get; } = isAnonymous;

    /// <summary>Whose connection this is, for the per-user cap; anonymous ids are unverified, so they count apart.</summary>
    public string OwnerKey => (IsAnonymous ? "anonymous:" : "user:") + UserId;

    /// <summary>Remembers a channel this connection watches, so <see cref="StopWatching"/> can unsubscribe it.</summary>
    public void Watching(Channel channel)
    {
        lock (_watching)
        {
            _watching.Add(channel);
        }
    }

    /// <summary>Unsubscribes from every watched channel, so closed connections leave no ids behind.</summary>
    public void StopWatching()
    {
        Channel[] channels;
        lock (_watching)
        {
            channels = [.. _watching];
            _watching.Clear();
        }

        foreach (var channel in channels)
        {
            channel.Unwatch(Id);
        }
    }

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
