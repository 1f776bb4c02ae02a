using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;

namespace StreamChat.Channels;

/// <summary>
/// The channels a session watches. A watch needs the current connection id, so it waits for one while the session
/// reconnects, and every watched channel is watched again on each new connection.
/// </summary>
internal sealed class WatchRegistry(ChatSession session, ILogger logger)
{
    // A watch racing a drop gets code 4 for the dead connection id; it is sent again with the next one, this many times.
    private const int MaxWatchAttempts = 3;

    private readonly object _gate = new();
    private readonly HashSet<(string Type, string Id)> _watched = [];

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
                var connectionId = await session.WaitForConnectionIdAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    return await QueryAsync(type, id, connectionId, cancellationToken).ConfigureAwait(false);
                }
                catch (ChatApiException exception) when (exception.Code == StreamErrorCode.InputError && attempt < MaxWatchAttempts && session.ConnectionId != connectionId)
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

    /// <summary>A new connection id receives nothing until the watched channels are watched again.</summary>
    /// <param name="connectionId">The new connection.</param>
    /// <param name="sessionLifetime">Cancelled when the session closes, which ends the re-watching quietly.</param>
    public async Task RewatchAsync(string connectionId, CancellationToken sessionLifetime)
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
                using var answer = await QueryAsync(type, id, connectionId, sessionLifetime).ConfigureAwait(false);
            }
            catch (Exception) when (sessionLifetime.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Watching one channel failed (a dropped connection, a refusal): the others are still tried.
                Log.RewatchFailed(logger, type + ":" + id, exception);
            }
        }
    }

    private Task<JsonDocument> QueryAsync(string type, string id, string connectionId, CancellationToken cancellationToken) =>
        session.SendAsync(HttpMethod.Post, ChannelRequests.QueryPath(type, id), ChannelRequests.ConnectionQuery(connectionId), ChannelRequests.QueryBody(true, connectionId), cancellationToken);
}
