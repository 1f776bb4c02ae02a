using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Channels;
using StreamChat.Internal;
using StreamChat.Logging;

namespace StreamChat;

/// <summary>
/// Watched channels: a watch needs the current connection id, so it waits for one while reconnecting, and every watched
/// channel is watched again on each new connection.
/// </summary>
internal sealed partial class ChatSession
{
    // A watch racing a drop gets code 4 for the dead connection id; it is sent again with the next one, this many times.
    private const int MaxWatchAttempts = 3;

    /// <summary>
    /// Watches a channel with the current connection. It is remembered first, so a reconnect that happens meanwhile
    /// watches it too; a watch that fails is forgotten again (when this call added it).
    /// </summary>
    public async Task<JsonDocument> WatchAsync(string type, string id, CancellationToken cancellationToken)
    {
        bool added;
        lock (_gate)
        {
            added = _watched.Add((type, id));
        }

        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var connectionId = await WaitForConnectionIdAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await SendAsync(HttpMethod.Post, ChannelRequests.QueryPath(type, id), ChannelRequests.ConnectionQuery(connectionId), ChannelRequests.QueryBody(true, connectionId), cancellationToken).ConfigureAwait(false);
                }
                catch (ChatApiException exception) when (exception.Code == StreamErrorCode.InputError && attempt < MaxWatchAttempts && ConnectionId != connectionId)
                {
                    // The connection it named dropped on the way; the next one is watched instead.
                }
            }
        }
        catch when (added)
        {
            lock (_gate)
            {
                _watched.Remove((type, id));
            }

            throw;
        }
    }

    /// <summary>
    /// The current connection id; while (re)connecting, waits for the next one, at most
    /// <see cref="ChatClientConfig.RequestTimeout"/> on the configured clock.
    /// </summary>
    private async Task<string> WaitForConnectionIdAsync(CancellationToken cancellationToken)
    {
        using var timeout = Timing.CreateTimeoutSource(_config.TimeProvider, _config.RequestTimeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout?.Token ?? CancellationToken.None);
        while (true)
        {
            Task connected;
            lock (_gate)
            {
                if (_closed is not null)
                {
                    throw _closed;
                }

                if (_socket is { } socket)
                {
                    return socket.ConnectionId;
                }

                connected = _connected.Task;
            }

            try
            {
                await Timing.WaitAsync(connected, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ChatConnectionException("The WebSocket did not connect again within ChatClientConfig.RequestTimeout, so the channel could not be watched; try again later.", new TimeoutException(exception.Message, exception));
            }
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
            catch (Exception) when (_lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Watching one channel failed (a dropped connection, a refusal): the others are still tried.
                Log.RewatchFailed(_logger, type + ":" + id, exception);
            }
        }
    }
}
