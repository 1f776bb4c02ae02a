using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Channels;
using StreamChat.Internal;
using StreamChat.Logging;
using StreamChat.Realtime;

namespace StreamChat;

/// <summary>Reconnecting a dropped WebSocket with jittered backoff; code 40 on the way refreshes the shared token.</summary>
internal sealed partial class ChatSession
{
    private void OnDropped(ChatSocket socket, Exception? cause)
    {
        lock (_gate)
        {
            if (_closed is not null || !ReferenceEquals(_socket, socket))
            {
                return;
            }

            _socket = null;
            Log.ConnectionDropped(_logger, cause);

            // On the pool: the loop raises state events, which must not run under this lock.
            _reconnect = Task.Run(() => ReconnectAsync(socket));
        }
    }

    private async Task ReconnectAsync(ChatSocket dropped)
    {
        dropped.Dispose();
        _client.OnSessionState(this, ConnectionState.Reconnecting, null);
        var lifetime = _lifetime.Token;
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt goes at once (a blip); later ones back off.
            var delay = attempt == 1 ? TimeSpan.Zero : Backoff.Delay(attempt - 1, _config.ReconnectBaseDelay, _config.ReconnectMaxDelay);
            Log.Reconnecting(_logger, attempt, delay);
            ChatSocket socket;
            try
            {
                await Timing.Delay(_config.TimeProvider, delay, lifetime).ConfigureAwait(false);
                socket = await WithTokenAsync(OpenSocketAsync, lifetime).ConfigureAwait(false);
            }
            catch (ChatConnectionException)
            {
                continue; // the network or the server is away: try again later
            }
            catch (Exception exception) when (exception is OperationCanceledException or ChatDisconnectedException && lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (ChatException exception)
            {
                // A terminal error code, or a provider that gave up: retrying cannot help.
                Log.ReconnectGaveUp(_logger, exception);
                Close(DisconnectReason.ConnectionLost, exception);
                _client.OnSessionState(this, ConnectionState.Disconnected, exception);
                return;
            }

            lock (_gate)
            {
                if (_closed is not null)
                {
                    socket.Dispose();
                    return;
                }

                _socket = socket;
            }

            socket.Start(OnEvent, OnDropped);
            Log.Connected(_logger, User?.Id ?? "?", socket.ConnectionId);
            await RewatchAsync(socket.ConnectionId).ConfigureAwait(false);
            _client.OnSessionState(this, ConnectionState.Connected, null);
            return;
        }
    }

    /// <summary>A new connection id receives nothing until the watched channels are watched again.</summary>
    private async Task RewatchAsync(string connectionId)
    {
        (string Type, string Id)[] channels;
        lock (_gate)
        {
            channels = _watched.ToArray();
        }

        foreach (var (type, id) in channels)
        {
            try
            {
                using var answer = await SendAsync(HttpMethod.Post, ChannelRequests.QueryPath(type, id), ChannelRequests.ConnectionQuery(connectionId), ChannelRequests.QueryBody(true, connectionId), _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is ChatException or OperationCanceledException)
            {
                Log.RewatchFailed(_logger, type + ":" + id, exception);
            }
        }
    }
}
