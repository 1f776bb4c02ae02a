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

/// <summary>Opening a connection: the WebSocket handshake and the server's first frame, all within <see cref="ChatClientConfig.RequestTimeout"/>.</summary>
internal sealed partial class ChatSocket
{
    /// <summary>
    /// Opens the socket and reads the server's first frame. An error frame becomes a <see cref="ChatApiException"/>
    /// (code 40 means: refresh the token and try again); every other failure, whatever the transport threw, a
    /// <see cref="ChatConnectionException"/>. Only the caller's own cancellation surfaces as cancellation.
    /// </summary>
    public static async Task<ChatSocket> OpenAsync(Uri url, WebSocketConnector connector, ChatClientConfig config, ServerClock clock, ILogger logger, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            // A browser's WebSocket sends no headers of ours: the URL carries the client's identification there (ConnectUrl).
            if (!ClientPlatform.IsBrowser)
            {
                socket.Options.SetRequestHeader(ClientInfo.HeaderName, ClientInfo.HeaderValue);
#if NET8_0_OR_GREATER
                socket.Options.CollectHttpResponseDetails = true;
#endif
            }

            using var timeout = Timing.CreateTimeoutSource(config.TimeProvider, config.RequestTimeout);
            using var linked = timeout is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var token = linked?.Token ?? cancellationToken;
            try
            {
                await connector.ConnectAsync(socket, url, token).ConfigureAwait(false);
                var dated = ObserveDate(socket, clock);
                using var first = await new SocketReader(socket, config.MaxWebSocketMessageBytes).ReadAsync(token).ConfigureAwait(false);
                return await AcceptAsync(socket, first, config, dated ? null : clock, logger).ConfigureAwait(false);
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ChatConnectionException("The chat server did not confirm the WebSocket connection within ChatClientConfig.RequestTimeout.", new TimeoutException(exception.Message, exception));
            }
            catch (Exception exception) when (exception is not ChatException and not OperationCanceledException)
            {
                throw new ChatConnectionException($"The WebSocket connection to {url.GetLeftPart(UriPartial.Authority)} failed before the chat server confirmed it; check ChatClientConfig.BaseUrl and the network.", exception);
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Learns the server's clock from the handshake's <c>Date</c>, where the platform shows it (not a browser, not netstandard2.0).</summary>
    private static bool ObserveDate(ClientWebSocket socket, ServerClock clock)
    {
#if NET8_0_OR_GREATER
        var dated = false;
        if (socket.HttpResponseHeaders is { } headers && headers.TryGetValue("Date", out var dates) && dates.FirstOrDefault() is { } date)
        {
            clock.Observe(date);
            dated = true;
        }

        socket.HttpResponseHeaders = null;
        return dated;
#else
        _ = socket;
        _ = clock;
        return false;
#endif
    }

    /// <summary>
    /// The first frame decides: a <c>health.check</c> with a connection id opens the session; anything else does not.
    /// Its <c>created_at</c> teaches <paramref name="undatedClock"/> the server's time when the handshake showed no <c>Date</c>.
    /// </summary>
    private static async Task<ChatSocket> AcceptAsync(ClientWebSocket socket, SocketMessage first, ChatClientConfig config, ServerClock? undatedClock, ILogger logger)
    {
        if (first.Kind == SocketMessageKind.Closed)
        {
            throw new ChatConnectionException("The chat server closed the WebSocket without confirming the connection.");
        }

        if (first.Document is not { } document)
        {
            Diagnostics.ConnectionTelemetry.FrameDropped(first.Kind);
            throw new ChatConnectionException($"The first WebSocket message was not the chat server's JSON ({first.Kind}, {first.Length} bytes); check that ChatClientConfig.BaseUrl points at the chat API.");
        }

        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
        {
            var rejection = ErrorBodyReader.ToException(error, HttpStatusCode.Unauthorized);
            Log.ConnectRejected(logger, rejection.RawCode);
            await CloseQuietlyAsync(socket).ConfigureAwait(false);
            throw rejection;
        }

        if (Json.String(root, "connection_id") is not { } connectionId)
        {
            throw new ChatConnectionException("The chat server's first WebSocket message had no connection id.");
        }

        if (undatedClock is not null && Json.Date(root, "created_at") is { } serverTime)
        {
            undatedClock.ObserveExact(serverTime);
        }

        var me = root.TryGetProperty("me", out var meElement) ? ChatUser.FromJson(meElement) : null;
        return new ChatSocket(socket, connectionId, me, Json.String(root, "created_at"), config, logger);
    }

    private static async Task CloseQuietlyAsync(WebSocket socket)
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
