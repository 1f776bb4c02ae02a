using System;
using System.Collections.Generic;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace StreamChat.DevServer.State;

/// <summary>
/// One open WebSocket connection of a user (or an anonymous visitor). Every frame the server sends goes through a queue
/// drained by one writer task, so whoever sends (a message fan-out, a health-check reply) only enqueues and never waits on
/// this client's socket. Two limits, each dropping this connection alone: the queue holds at most
/// <see cref="ServerLimits.MaxSendQueueBytes"/> (a client still reading but that far behind is closed with 1013 and a reason,
/// after the frame in flight), and a send that makes no progress for <see cref="ServerLimits.SendTimeout"/> means the client
/// stopped reading (aborted: no close frame gets through a stalled socket). A client merely behind in a burst loses nothing.
/// </summary>
internal sealed partial class ClientConnection
{
    /// <summary>1013 "Try Again Later" (RFC 6455's registry): the client may reconnect, and recover what it missed.</summary>
    internal const WebSocketCloseStatus TooSlow = (WebSocketCloseStatus)1013;

    private const int Open = 0;
    private const int Closing = 1;
    private const int Dropped = 2;

    private readonly WebSocket _socket;
    private readonly Channel<byte[]> _queue = System.Threading.Channels.Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TimeProvider _clock;
    private readonly TimeSpan _sendTimeout;
    private readonly long _maxQueuedBytes;
    private readonly Action<ClientConnection, string> _onDropped;

    // Never disposed: it owns no timer, and Cancel may race a late Drop.
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<Channel> _watching = [];
    private Task _writer = Task.CompletedTask;
    private long _queuedBytes;
    private int _state;
    private CloseRequest? _close;

    /// <summary>A connection whose writer runs after <see cref="Start"/>; <paramref name="onDropped"/> is called once if it is dropped for being slow.</summary>
    public ClientConnection(string id, WebSocket socket, string userId, bool isAnonymous, string authKind, ServerLimits limits, TimeProvider clock, Action<ClientConnection, string> onDropped)
    {
        Id = id;
        UserId = userId;
        IsAnonymous = isAnonymous;
        AuthKind = authKind;
        ConnectedAt = clock.GetUtcNow();
        _socket = socket;
        _clock = clock;
        _sendTimeout = limits.SendTimeout;
        _maxQueuedBytes = limits.MaxSendQueueBytes;
        _onDropped = onDropped;
    }

    public string Id { get; }

    public string UserId { get; }

    public bool IsAnonymous { get; }

    /// <summary>How the connection authenticated (<see cref="Auth.Caller.AuthKind"/>), for the dashboard.</summary>
    public string AuthKind { get; }

    public DateTimeOffset ConnectedAt { get; }

    /// <summary>Whose connection this is, for the per-user cap; anonymous ids are unverified, so they count apart.</summary>
    public string OwnerKey => (IsAnonymous ? "anonymous:" : "user:") + UserId;

    /// <summary>Starts the writer; call once, before the first <see cref="Enqueue(JsonNode)"/>.</summary>
    public void Start() => _writer = Task.Run(WriteLoopAsync);

    public void Enqueue(JsonNode message) => Enqueue(Encoding.UTF8.GetBytes(message.ToJsonString()));

    /// <summary>Queues a text frame without waiting; past the byte limit the connection is dropped (a closing one ignores it).</summary>
    public void Enqueue(byte[] utf8)
    {
        if (Volatile.Read(ref _state) != Open)
        {
            return;
        }

        // Counted before the write, so the writer's decrement never sees a frame it was not charged for.
        if (Interlocked.Add(ref _queuedBytes, utf8.Length) > _maxQueuedBytes)
        {
            Drop($"more than {_maxQueuedBytes:N0} bytes were waiting to be sent (the client reads too slowly)", closeFrame: true);
        }
        else if (!_queue.Writer.TryWrite(utf8))
        {
            Interlocked.Add(ref _queuedBytes, -utf8.Length);
        }
    }

    /// <summary>Sends what is queued, then a close frame with <paramref name="status"/>; later frames are ignored.</summary>
    public void Close(WebSocketCloseStatus status, string? description)
    {
        if (Interlocked.CompareExchange(ref _state, Closing, Open) == Open)
        {
            _close = new CloseRequest(status, description);
            _queue.Writer.TryComplete();
        }
    }

    /// <summary>
    /// Ends the writer once the receive side is done: after a <see cref="Close"/> it may finish sending, bounded by the send
    /// timeout; otherwise (the peer vanished, an abort, or a dropped connection whose close was answered) it stops at once.
    /// </summary>
    public async Task StopAsync()
    {
        var state = Interlocked.CompareExchange(ref _state, Closing, Open);
        if (state != Closing)
        {
            _queue.Writer.TryComplete();
            _stop.Cancel();
        }

        try
        {
            await _writer.WaitAsync(_sendTimeout, _clock).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
            await _writer.ConfigureAwait(false);
        }
    }

    public void Abort()
    {
        _stop.Cancel();
        _socket.Abort();
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                while (_queue.Reader.TryRead(out var frame))
                {
                    Interlocked.Add(ref _queuedBytes, -frame.Length);

                    // A dropped connection gets no more events, only its close frame.
                    if (Volatile.Read(ref _state) != Dropped)
                    {
                        await SendAsync(token => _socket.SendAsync((ReadOnlyMemory<byte>)frame, WebSocketMessageType.Text, endOfMessage: true, token)).ConfigureAwait(false);
                    }
                }
            }

            // Set before the queue completed, so it is seen here; a stop completes the queue without one.
            if (Volatile.Read(ref _close) is { } close && _socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await SendAsync(token => new ValueTask(_socket.CloseOutputAsync(close.Status, close.Description, token))).ConfigureAwait(false);
                if (Volatile.Read(ref _state) == Dropped)
                {
                    // The client's answer ends the receive loop, whose StopAsync cancels this wait; a client that never
                    // answers is aborted after the send timeout, so a dropped connection cannot linger.
                    await Task.Delay(_sendTimeout, _clock, _stop.Token).ConfigureAwait(false);
                    _socket.Abort();
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or System.IO.IOException)
        {
            // Stopped, dropped or aborted, or the peer went away. A writer that fails on its own must not leave a live
            // connection behind whose queue only fills: abort it, and the receive loop cleans up. A stopped writer leaves
            // the socket alone, so a close frame the WebSocket is sending (1002, 1007) still goes out.
            if (!_stop.IsCancellationRequested)
            {
                _socket.Abort();
            }
        }
    }

    /// <summary>One send, bounded by the send timeout on the server's clock: a send that long without progress is a stalled reader.</summary>
    private async Task SendAsync(Func<CancellationToken, ValueTask> send)
    {
        // The timer decides, not whoever first observes the cancelled send (the receive loop may see the abort first): a
        // timer firing while the send is pending is the drop. The abort ends the send, a close frame's included.
        using var timeout = new CancellationTokenSource(_sendTimeout, _clock);
        using var dropOnTimeout = timeout.Token.Register(() =>
        {
            Drop($"the client read nothing for {_sendTimeout.TotalSeconds:0.###} s (a send took longer than the send timeout)", closeFrame: false);
            Abort();
        });
        await send(_stop.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Drops the connection once: it leaves its channels at once (<c>onDropped</c>), the frames still queued are discarded,
    /// and a reader that is still reading gets a close frame (1013) after the frame in flight; a stalled one is aborted.
    /// </summary>
    private void Drop(string reason, bool closeFrame)
    {
        if (Interlocked.Exchange(ref _state, Dropped) == Dropped)
        {
            return;
        }

        if (closeFrame)
        {
            Volatile.Write(ref _close, new CloseRequest(TooSlow, "too slow: events were dropped; reconnect and sync"));
            _queue.Writer.TryComplete();
        }
        else
        {
            _queue.Writer.TryComplete();
            Abort();
        }

        _onDropped(this, reason);
    }

    private sealed record CloseRequest(WebSocketCloseStatus Status, string? Description);
}
