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
/// reconnects, and every watched channel is watched again on each new connection, a few at a time.
/// </summary>
internal sealed class WatchRegistry(ChatSession session, ILogger logger)
{
    /// <summary>How many channels are watched again at once after a reconnect: far fewer round trips than one by one, without a burst of hundreds of requests.</summary>
    internal const int MaxConcurrentRewatches = 8;

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

    /// <summary>
    /// Forgets a channel (its events are no longer raised, and no new connection watches it) and tells the server that
    /// the current connection stops watching it. Without a connection there is nothing to tell.
    /// </summary>
    public async Task StopWatchingAsync(string type, string id, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _watched.Remove((type, id));
        }

        if (session.ConnectionId is not { } connectionId)
        {
            return;
        }

        try
        {
            using var answer = await session.SendAsync(HttpMethod.Post, ChannelRequests.StopWatchingPath(type, id), ChannelRequests.ConnectionQuery(connectionId), ChannelRequests.EmptyBody(), cancellationToken).ConfigureAwait(false);
        }
        catch (ChatApiException exception) when (exception.Code == StreamErrorCode.InputError && session.ConnectionId != connectionId)
        {
            // The connection dropped on the way; the next one does not watch the channel.
            Log.StopWatchingFailed(logger, type + ":" + id, exception);
        }
    }

    /// <summary>Whether <paramref name="cid"/> (<c>type:id</c>) is watched.</summary>
    public bool IsWatched(string cid)
    {
        var colon = cid.IndexOf(':');
        if (colon < 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _watched.Contains((cid.Substring(0, colon), cid.Substring(colon + 1)));
        }
    }

    /// <summary>The watched channels' cids now.</summary>
    public string[] Cids()
    {
        lock (_gate)
        {
            return _watched.Select(channel => channel.Type + ":" + channel.Id).ToArray();
        }
    }

    /// <summary>
    /// A new connection id receives nothing until the watched channels are watched again: at most
    /// <see cref="MaxConcurrentRewatches"/> at once.
    /// </summary>
    /// <param name="connectionId">The new connection.</param>
    /// <param name="sessionLifetime">Cancelled when the session closes, which ends the re-watching quietly.</param>
    public Task RewatchAsync(string connectionId, CancellationToken sessionLifetime)
    {
        (string Type, string Id)[] channels;
        lock (_gate)
        {
            channels = _watched.ToArray();
        }

        var next = -1;
        async Task WorkAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < channels.Length && !sessionLifetime.IsCancellationRequested)
            {
                await RewatchOneAsync(channels[index].Type, channels[index].Id, connectionId, sessionLifetime).ConfigureAwait(false);
            }
        }

        return Task.WhenAll(Enumerable.Range(0, Math.Min(MaxConcurrentRewatches, channels.Length)).Select(_ => WorkAsync()));
    }

    private async Task RewatchOneAsync(string type, string id, string connectionId, CancellationToken sessionLifetime)
    {
        lock (_gate)
        {
            if (!_watched.Contains((type, id)))
            {
                return; // stopped meanwhile
            }
        }

        try
        {
            using var answer = await QueryAsync(type, id, connectionId, sessionLifetime).ConfigureAwait(false);
        }
        catch (Exception) when (sessionLifetime.IsCancellationRequested)
        {
            // The session closed: nothing to watch any more.
        }
        catch (Exception exception)
        {
            // Watching one channel failed (a dropped connection, a refusal): the others are still tried.
            Log.RewatchFailed(logger, type + ":" + id, exception);
        }
    }

    private Task<JsonDocument> QueryAsync(string type, string id, string connectionId, CancellationToken cancellationToken) =>
        session.SendAsync(HttpMethod.Post, ChannelRequests.QueryPath(type, id), ChannelRequests.ConnectionQuery(connectionId), ChannelRequests.QueryBody(true, connectionId), cancellationToken);
}
