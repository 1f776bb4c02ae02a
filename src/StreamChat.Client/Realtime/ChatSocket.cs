using System;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Http;
using StreamChat.Internal;
using StreamChat.Logging;

namespace StreamChat.Realtime;

/// <summary>
/// One WebSocket connection: the receive loop, health checks and closing (opening: <c>ChatSocket.Open.cs</c>).
/// Reconnecting makes a new instance (see <see cref="ChatSession"/>). Once closed or disposed, nothing of it runs on:
/// no timer, no loop, no callback.
/// </summary>
internal sealed partial class ChatSocket : IDisposable
{
    private readonly WebSocket _socket;
    private readonly SocketReader _reader;
    private readonly TimeProvider _time;
    private readonly TimeSpan _healthCheckInterval;
    private readonly TimeSpan _closeTimeout;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationToken _stopToken;
    private readonly object _gate = new();
    private Action<ChatSocket, JsonElement>? _onEvent;
    private Action<ChatSocket, Exception?>? _onDropped;
    private ITimer? _healthTimer;
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastReceived;
    private bool _closing;
    private int _disposed;

    private ChatSocket(WebSocket socket, string connectionId, ChatUser? me, ChatClientConfig config, ILogger logger)
    {
        _socket = socket;
        _reader = new SocketReader(socket, config.MaxWebSocketMessageBytes);
        ConnectionId = connectionId;
        Me = me;
        _time = config.TimeProvider;
        _healthCheckInterval = config.HealthCheckInterval;
        _closeTimeout = config.CloseTimeout;
        _logger = logger;
        _stopToken = _stop.Token;
        _lastReceived = _time.GetTimestamp();
    }

    /// <summary>The connection id the server assigned in its first <c>health.check</c>.</summary>
    public string ConnectionId { get; }

    /// <summary>The connected user as the server sees it (<c>me</c>), when it said.</summary>
    public ChatUser? Me { get; }

    /// <summary>Starts receiving events and sending health checks; does nothing once the socket is closing or closed.</summary>
    public void Start(Action<ChatSocket, JsonElement> onEvent, Action<ChatSocket, Exception?> onDropped)
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _onEvent = onEvent;
            _onDropped = onDropped;
            _healthTimer = _time.CreateTimer(static state => ((ChatSocket)state!).OnHealthTimer(), this, _healthCheckInterval, _healthCheckInterval);
        }

        _receiveLoop = ReceiveLoopAsync();
    }

    /// <summary>Closes the socket on purpose (no drop is reported).</summary>
    /// <remarks>
    /// The whole close (waiting for a send in progress, the close handshake, the server's answer) is bounded by
    /// <see cref="ChatClientConfig.CloseTimeout"/> of wall-clock time on purpose: it guards I/O, and a test's fake clock
    /// must not be able to make a disconnect hang. Past it, the socket is aborted.
    /// </remarks>
    public async Task CloseAsync()
    {
        if (!BeginClose())
        {
            return;
        }

        try
        {
            using var budget = new CancellationTokenSource(_closeTimeout);

            // A health check stuck on a dead network must not hold the close up for longer than the budget.
            await _sendLock.WaitAsync(budget.Token).ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disconnect", budget.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            // The receive loop ends when the server answers the close frame.
            await Timing.WaitAsync(_receiveLoop, budget.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            Log.CloseAborted(_logger, exception);
        }
        finally
        {
            Stop();
        }
    }

    /// <summary>Aborts the socket without a close handshake and releases it; no drop is reported.</summary>
    public void Dispose()
    {
        BeginClose();
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stop.Cancel(); // only Dispose disposes it, and only once
        _socket.Abort();
        _socket.Dispose();
        _stop.Dispose();
    }

    private static bool IsTransportFailure(Exception exception) =>
        exception is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or InvalidOperationException;

    /// <summary>Marks the socket closing and stops its timer; false when that had already happened.</summary>
    private bool BeginClose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return false;
            }

            _closing = true;
            _healthTimer?.Dispose();
            _healthTimer = null;
            return true;
        }
    }

    private void Stop()
    {
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Dispose got there first and cancelled it.
        }

        _socket.Abort();
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                using var message = await _reader.ReadAsync(_stopToken).ConfigureAwait(false);
                if (message.Kind == SocketMessageKind.Closed)
                {
                    failure = ClosedByServer();
                    break;
                }

                Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
                if (message.Document is { } document)
                {
                    _onEvent?.Invoke(this, document.RootElement);
                }
                else
                {
                    // The framing is intact, only this message is unreadable: skip it rather than lose the connection.
                    Log.MessageSkipped(_logger, message.Kind, message.Length);
                }
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        // A drop is reported once, and only for a socket nobody closed on purpose.
        if (BeginClose())
        {
            _onDropped?.Invoke(this, failure);
        }
    }

    /// <summary>
    /// Why the server closed the connection, as its close frame says (a dev server drops a client that fell too far
    /// behind with 1013 and a reason), so the drop's log line tells. The reason is the server's text, never a token.
    /// </summary>
    private ChatConnectionException ClosedByServer()
    {
        var status = _socket.CloseStatus is { } code ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no status";
        var reason = string.IsNullOrEmpty(_socket.CloseStatusDescription) ? string.Empty : $" ({_socket.CloseStatusDescription})";
        return new ChatConnectionException($"The server closed the WebSocket connection: {status}{reason}.");
    }

    private void OnHealthTimer()
    {
        var silent = _time.GetElapsedTime(Interlocked.Read(ref _lastReceived));
        if (silent > _healthCheckInterval + _healthCheckInterval)
        {
            Log.HealthCheckTimeout(_logger, silent);
            _socket.Abort();
            return;
        }

        _ = SendHealthCheckAsync();
    }

    private async Task SendHealthCheckAsync()
    {
        var payload = JsonBody.Write(ConnectionId, static (writer, connectionId) =>
        {
            writer.WriteStartArray();
            writer.WriteStartObject();
            writer.WriteString("type", "health.check");
            writer.WriteString("client_id", connectionId);
            writer.WriteEndObject();
            writer.WriteEndArray();
        });
        if (!await _sendLock.WaitAsync(0).ConfigureAwait(false))
        {
            return; // a send is in progress; the next tick will try again
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, endOfMessage: true, _stopToken).ConfigureAwait(false);
                Log.HealthCheckSent(_logger);
            }
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            // The receive loop notices the broken socket and reports the drop.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
