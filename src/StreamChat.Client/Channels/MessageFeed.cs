using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;
using StreamChat.Realtime;

namespace StreamChat.Channels;

/// <summary>
/// A session's <c>message.new</c> events, each raised once and in order, across reconnects. While connected, events are
/// raised as they arrive and the newest server time seen (<c>created_at</c>) is the sync mark. After a reconnect, the new
/// connection's events are held until <c>POST /sync</c> has returned what was created since the mark (the missed
/// messages), which are raised first; then the held ones. Message ids already raised are skipped (the last
/// <see cref="RememberedMessages"/>), so an event both synced and received, or received twice, is raised once.
/// </summary>
/// <remarks>
/// A sync that fails leaves the mark where it was, so the next reconnect asks again from there. The server keeps only so
/// many messages per channel: what it no longer has cannot be recovered.
/// </remarks>
internal sealed class MessageFeed(ChatClient client, ChatSession session, WatchRegistry watches, ILogger logger)
{
    private const int RememberedMessages = 4096;

    // The dev server's bound on channel_cids per /sync request; more channels go in several requests.
    private const int CidsPerSync = 1000;

    private readonly object _gate = new();
    private readonly HashSet<string> _raised = new(StringComparer.Ordinal);
    private readonly Queue<string> _raisedOrder = new();
    private readonly List<(MessageReceivedEventArgs Args, string? CreatedAt)> _held = [];
    private ChatSocket? _holding;
    private string? _mark;
    private DateTimeOffset _markTime;
    private bool _inSync = true;

    /// <summary>The first connection: nothing before it was missed.</summary>
    public void Connected(ChatSocket socket)
    {
        lock (_gate)
        {
            Advance(socket.ConnectedAt);
        }
    }

    /// <summary>A new connection after a drop: its events wait for <see cref="RecoverAsync"/>. Call before it starts receiving.</summary>
    public void Hold(ChatSocket socket)
    {
        lock (_gate)
        {
            // What an earlier connection held and never raised is after the mark: the next sync returns it again.
            _holding = socket;
            _held.Clear();
        }
    }

    /// <summary>An event from <paramref name="socket"/>: raised now, or held while that connection recovers.</summary>
    public void OnEvent(ChatSocket socket, string type, JsonElement root)
    {
        var createdAt = Json.String(root, "created_at");
        var args = type == "message.new" ? ToArgs(root) : null;
        lock (_gate)
        {
            if (ReferenceEquals(socket, _holding))
            {
                if (args is not null)
                {
                    _held.Add((args, createdAt));
                }

                return;
            }

            if (args is not null)
            {
                RaiseOnce(args);
            }

            if (_inSync)
            {
                Advance(createdAt);
            }
        }
    }

    /// <summary>
    /// Raises what was missed since the mark (from <c>POST /sync</c>), then what <paramref name="socket"/> received
    /// meanwhile. Call after the watched channels are watched again on it, so every message is either synced or live.
    /// </summary>
    public async Task RecoverAsync(ChatSocket socket, CancellationToken sessionLifetime)
    {
        string? mark;
        lock (_gate)
        {
            mark = _mark;
        }

        var cids = watches.Cids();
        List<(MessageReceivedEventArgs Args, string? CreatedAt)>? missed = null;
        Exception? failure = null;
        if (mark is not null && cids.Length > 0)
        {
            try
            {
                missed = await SyncAsync(cids, mark, sessionLifetime).ConfigureAwait(false);
            }
            catch (Exception) when (sessionLifetime.IsCancellationRequested)
            {
                return; // the session closed: nothing is raised any more
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }

        lock (_gate)
        {
            if (!ReferenceEquals(_holding, socket))
            {
                return; // this connection dropped meanwhile; the next one recovers from the same mark
            }

            _holding = null;
            if (failure is not null)
            {
                _inSync = false;
                Log.MissedMessagesRecoveryFailed(logger, failure);
            }
            else if (missed is not null)
            {
                _inSync = true;
                foreach (var (args, createdAt) in missed)
                {
                    RaiseOnce(args);
                    Advance(createdAt);
                }

                Log.MissedMessagesRecovered(logger, missed.Count, cids.Length);
            }

            foreach (var (args, createdAt) in _held)
            {
                RaiseOnce(args);
                if (_inSync)
                {
                    Advance(createdAt);
                }
            }

            _held.Clear();
        }
    }

    private static MessageReceivedEventArgs? ToArgs(JsonElement root) =>
        Json.String(root, "cid") is { } cid
        && root.TryGetProperty("message", out var messageElement)
        && ChatMessage.FromJson(messageElement) is { } message
            ? new MessageReceivedEventArgs(cid, message)
            : null;

    private async Task<List<(MessageReceivedEventArgs Args, string? CreatedAt)>> SyncAsync(string[] cids, string mark, CancellationToken cancellationToken)
    {
        var missed = new List<(MessageReceivedEventArgs Args, string? CreatedAt, DateTimeOffset Time)>();
        for (var start = 0; start < cids.Length; start += CidsPerSync)
        {
            var chunk = cids.Skip(start).Take(CidsPerSync).ToArray();
            using var answer = await session.SendAsync(HttpMethod.Post, "sync", null, ChannelRequests.SyncBody(chunk, mark), cancellationToken).ConfigureAwait(false);
            if (!answer.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var item in events.EnumerateArray())
            {
                if (Json.String(item, "type") == "message.new" && ToArgs(item) is { } args)
                {
                    var createdAt = Json.String(item, "created_at");
                    missed.Add((args, createdAt, ParseTime(createdAt) ?? DateTimeOffset.MaxValue));
                }
            }
        }

        // Each answer is oldest first; several answers are merged by time (a stable sort keeps each answer's order).
        return missed.OrderBy(entry => entry.Time).Select(entry => (entry.Args, entry.CreatedAt)).ToList();
    }

    private static DateTimeOffset? ParseTime(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;

    private void RaiseOnce(MessageReceivedEventArgs args)
    {
        if (!watches.IsWatched(args.Cid) || !_raised.Add(args.Message.Id))
        {
            return;
        }

        _raisedOrder.Enqueue(args.Message.Id);
        if (_raisedOrder.Count > RememberedMessages)
        {
            _raised.Remove(_raisedOrder.Dequeue());
        }

        client.RaiseMessageReceived(session, args);
    }

    private void Advance(string? createdAt)
    {
        if (ParseTime(createdAt) is { } time && (_mark is null || time > _markTime))
        {
            _mark = createdAt;
            _markTime = time;
        }
    }
}
