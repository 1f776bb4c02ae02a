using System;
using System.Linq;
using System.Net;
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
/// One WebSocket connection: the handshake and its first frame, the receive loop, health checks and closing.
/// Reconnecting makes a new instance (see <see cref="ChatSession"/>).
/// </summary>
internal sealed class ChatSocket : IDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly SocketReader _reader;
    private readonly TimeProvider _time;
    private readonly TimeSpan _healthCheckInterval;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Action<ChatSocket, JsonElement>? _onEvent;
    private Action<ChatSocket, Exception?>? _onDropped;
    private ITimer? _healthTimer;
    private Task _receiveLoop = Task.CompletedTask;
    private long _lastReceived;
    private int _closing;

    private ChatSocket(ClientWebSocket socket, string connectionId, ChatUser? me, TimeProvider time, TimeSpan healthCheckInterval, ILogger logger)
    {
        _socket = socket;
        _reader = new SocketReader(socket);
        ConnectionId = connectionId;
        Me = me;
        _time = time;
        _healthCheckInterval = healthCheckInterval;
        _logger = logger;
        _lastReceived = time.GetTimestamp();
    }

    /// <summary>The connection id the server assigned in its first <c>health.check</c>.</summary>
    public string ConnectionId { get; }

    /// <summary>The connected user as the server sees it (<c>me</c>), when it said.</summary>
    public ChatUser? Me { get; }

    /// <summary>
    /// Opens the socket and reads the server's first frame. An error frame becomes a <see cref="ChatApiException"/>
    /// (code 40 means: refresh the token and try again).
    /// </summary>
    public static async Task<ChatSocket> OpenAsync(Uri url, ChatClientConfig config, ServerClock clock, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            socket.Options.SetRequestHeader(ClientInfo.HeaderName, ClientInfo.HeaderValue);
#if NET8_0_OR_GREATER
            socket.Options.CollectHttpResponseDetails = true;
#endif
            using var timeout = Timing.CreateTimeoutSource(config.TimeProvider, config.RequestTimeout);
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked?.Token ?? cancellationToken;
            try
            {
                await socket.ConnectAsync(url, token).ConfigureAwait(false);
            }
            catch (WebSocketException exception)
            {
                throw new ChatConnectionException($"The WebSocket handshake with {url.GetLeftPart(UriPartial.Authority)} failed; check ChatClientConfig.BaseUrl and the network.", exception);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ChatConnectionException("The chat server did not accept the WebSocket in time (ChatClientConfig.RequestTimeout).", new TimeoutException(exception.Message, exception));
            }

#if NET8_0_OR_GREATER
            if (socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Date", out var dates))
            {
                clock.Observe(dates.FirstOrDefault());
            }

            socket.HttpResponseHeaders = null;
#endif
            JsonDocument? first;
            try
            {
                first = await new SocketReader(socket).ReadAsync(token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or JsonException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new ChatConnectionException("The WebSocket closed before the chat server confirmed the connection.", exception);
            }

            using (first)
            {
                if (first is null)
                {
                    throw new ChatConnectionException("The chat server closed the WebSocket without confirming the connection.");
                }

                var root = first.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
                {
                    var rejection = ErrorBody.ToException(error, HttpStatusCode.Unauthorized);
                    Log.ConnectRejected(logger, rejection.RawCode);
                    await CloseQuietlyAsync(socket).ConfigureAwait(false);
                    throw rejection;
                }

                if (Json.String(root, "connection_id") is not { } connectionId)
                {
                    throw new ChatConnectionException("The chat server's first WebSocket message had no connection id.");
                }

                var me = root.TryGetProperty("me", out var meElement) ? ChatUser.FromJson(meElement) : null;
                return new ChatSocket(socket, connectionId, me, config.TimeProvider, config.HealthCheckInterval, logger);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Starts receiving events and sending health checks.</summary>
    public void Start(Action<ChatSocket, JsonElement> onEvent, Action<ChatSocket, Exception?> onDropped)
    {
        _onEvent = onEvent;
        _onDropped = onDropped;
        _healthTimer = _time.CreateTimer(static state => ((ChatSocket)state!).OnHealthTimer(), this, _healthCheckInterval, _healthCheckInterval);
        _receiveLoop = ReceiveLoopAsync();
    }

    /// <summary>Closes the socket on purpose (no drop is reported).</summary>
    /// <remarks>
    /// The close handshake is bounded by wall-clock time on purpose: it guards I/O, and a test's fake clock must not be
    /// able to make a disconnect hang.
    /// </remarks>
    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        _healthTimer?.Dispose();
        try
        {
            await _sendLock.WaitAsync().ConfigureAwait(false);
            try
            {
                if (_socket.State == WebSocketState.Open)
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "disconnect", timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _sendLock.Release();
            }

            // The receive loop ends when the server answers the close frame.
            await Task.WhenAny(_receiveLoop, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closing a broken socket: nothing more to do than abort it.
        }
        finally
        {
            _stop.Cancel();
            _socket.Abort();
        }
    }

    /// <summary>Aborts the socket without a close handshake; a drop is reported if it was not closing.</summary>
    public void Abort() => _socket.Abort();

    public void Dispose()
    {
        Interlocked.Exchange(ref _closing, 1);
        _healthTimer?.Dispose();
        _stop.Cancel();
        _socket.Abort();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? failure = null;
        try
        {
            while (true)
            {
                using var document = await _reader.ReadAsync(_stop.Token).ConfigureAwait(false);
                if (document is null)
                {
                    break;
                }

                Interlocked.Exchange(ref _lastReceived, _time.GetTimestamp());
                _onEvent?.Invoke(this, document.RootElement);
            }
        }
        catch (Exception exception)
        {
            failure = exception;
        }

        if (Volatile.Read(ref _closing) == 0)
        {
            _healthTimer?.Dispose();
            _onDropped?.Invoke(this, failure);
        }
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
            if (_socket.State == WebSocketState.Open && Volatile.Read(ref _closing) == 0)
            {
                await _socket.SendAsync(new ArraySegment<byte>(payload), WebSocketMessageType.Text, endOfMessage: true, _stop.Token).ConfigureAwait(false);
                Log.HealthCheckSent(_logger);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The receive loop notices the broken socket and reports the drop.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server has already closed it.
        }
    }
}
