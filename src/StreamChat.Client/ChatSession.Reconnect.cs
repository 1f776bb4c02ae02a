using System;
using System.Net;
using StreamChat.Diagnostics;
using StreamChat.Internal;
using StreamChat.Logging;
using StreamChat.Realtime;

namespace StreamChat;

/// <summary>
/// Reconnecting a dropped WebSocket with jittered backoff; code 40 on the way refreshes the shared token. Only a terminal
/// error ends the loop: whatever else one attempt hits (the network, a garbled or oversized answer, an unexpected
/// exception) is logged and the next attempt follows.
/// </summary>
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
            _connected = NewConnectedSignal();
            Log.ConnectionDropped(_logger, cause);

            // On the pool, not on the receive loop that reported the drop.
            _reconnect = System.Threading.Tasks.Task.Run(() => ReconnectAsync(socket));
        }
    }

    /// <summary>Whether a failed attempt ends the session: a terminal error code, or a provider that gave up.</summary>
    private static bool IsTerminal(Exception exception) => exception switch
    {
        TokenProviderException or ChatDisconnectedException => true,

        // A 5xx or 429 error frame is the service's trouble, not the user's: worth another attempt.
        ChatApiException api => (int)api.StatusCode < 500 && api.StatusCode != (HttpStatusCode)429,
        _ => false,
    };

    private async System.Threading.Tasks.Task ReconnectAsync(ChatSocket dropped)
    {
        dropped.Dispose();
        _client.OnSessionState(this, ConnectionState.Reconnecting, null, null);
        var lifetime = _lifetime.Token;
        for (var attempt = 1; ; attempt++)
        {
            // The first attempt goes at once (a blip); later ones back off.
            var delay = attempt == 1 ? TimeSpan.Zero : Backoff.Delay(attempt - 1, _config.ReconnectBaseDelay, _config.ReconnectMaxDelay);
            Log.Reconnecting(_logger, attempt, delay);
            var span = ConnectionTelemetry.StartReconnect(_config, attempt);
            ChatSocket socket;
            try
            {
                await Timing.Delay(_config.TimeProvider, delay, lifetime).ConfigureAwait(false);
                socket = await WithTokenAsync(OpenSocketAsync, lifetime).ConfigureAwait(false);
            }
            catch (Exception) when (lifetime.IsCancellationRequested)
            {
                span?.Cancelled();
                return; // the session was closed; what the attempt hit no longer matters
            }
            catch (Exception exception) when (IsTerminal(exception))
            {
                span?.GaveUp(exception);
                Log.ReconnectGaveUp(_logger, exception);
                Close(DisconnectReason.ConnectionLost, exception);
                _client.OnSessionState(this, ConnectionState.Disconnected, exception, null);
                return;
            }
            catch (Exception exception)
            {
                span?.Failed(exception);
                Log.ReconnectAttemptFailed(_logger, attempt, exception);
                continue;
            }

            if (!TryMakeCurrent(socket))
            {
                span?.Cancelled();
                socket.Dispose();
                return;
            }

            span?.Connected();

            // Its events wait until what the drop missed is raised (in order, once each).
            _feed.Hold(socket);
            socket.Start(_events.OnEvent, OnDropped);
            Log.Connected(_logger, User?.Id ?? "?", socket.ConnectionId);
            await _watches.RewatchAsync(socket.ConnectionId, lifetime).ConfigureAwait(false);
            await _feed.RecoverAsync(socket, lifetime).ConfigureAwait(false);

            // If this socket dropped meanwhile, a newer loop owns the state: no stale "Connected" after its "Reconnecting".
            _client.OnSessionState(this, ConnectionState.Connected, null, socket.ConnectionId, () => IsCurrent(socket));
            return;
        }
    }
}
