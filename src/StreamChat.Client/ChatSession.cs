using System;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Auth;
using StreamChat.Channels;
using StreamChat.Http;
using StreamChat.Internal;
using StreamChat.Logging;
using StreamChat.Realtime;

namespace StreamChat;

/// <summary>
/// One user's connection: its token manager (shared by REST and the WebSocket), its socket and reconnects; its watched
/// channels are a <see cref="WatchRegistry"/>, its events go through an <see cref="EventDispatcher"/> to its
/// <see cref="MessageFeed"/> (which recovers what a reconnect missed). A disconnect or
/// user switch closes the session; a new connect makes a new one, so nothing of the old user (its provider above all) is
/// ever used again.
/// </summary>
internal sealed partial class ChatSession
{
    private readonly ChatClient _client;
    private readonly ChatClientConfig _config;
    private readonly RestTransport _rest;
    private readonly WebSocketConnector _webSockets;
    private readonly ServerClock _clock;
    private readonly ILogger _logger;
    private readonly TokenManager _tokens;
    private readonly GuestUser? _guest;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly object _gate = new();
    private readonly WatchRegistry _watches;
    private readonly MessageFeed _feed;
    private readonly EventDispatcher _events;
    private ChatSocket? _socket;
    private ChatDisconnectedException? _closed;
    private Task _reconnect = Task.CompletedTask;

    // Completed while a socket is current (and once the session is closed); replaced by a pending one on each drop.
    private TaskCompletionSource<bool> _connected = NewConnectedSignal();

    public ChatSession(ChatClient client, TokenProvider provider, RestTransport rest, WebSocketConnector webSockets, ServerClock clock, ILogger logger)
    {
        _client = client;
        _config = client.Config;
        _rest = rest;
        _webSockets = webSockets;
        _clock = clock;
        _logger = logger;
        _guest = (provider as TokenProvider.GuestProvider)?.User;
        Func<CancellationToken, Task<Token>> fetch = _guest is { } guest
            ? cancellationToken => FetchGuestTokenAsync(guest, cancellationToken)
            : cancellationToken => provider.GetTokenAsync(client, cancellationToken);
        _tokens = new TokenManager(fetch, new TokenRefreshPolicy(_config, provider.Kind), clock, logger);
        _watches = new WatchRegistry(this, logger);
        _feed = new MessageFeed(client, this, _watches, logger);
        _events = new EventDispatcher(_feed, logger);
    }

    public ChatUser? User { get; private set; }

    public string? ConnectionId
    {
        get
        {
            lock (_gate)
            {
                return _socket?.ConnectionId;
            }
        }
    }

    /// <summary>The error pending and new operations fail with, once the session is closed.</summary>
    public ChatDisconnectedException? ClosedError
    {
        get
        {
            lock (_gate)
            {
                return _closed;
            }
        }
    }

    /// <summary>Opens the WebSocket (fetching or refreshing the token as needed) and starts receiving.</summary>
    public async Task<ChatUser> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = await WithTokenAsync(OpenSocketAsync, cancellationToken).ConfigureAwait(false);
        if (!TryMakeCurrent(socket))
        {
            socket.Dispose();
            throw ClosedError!;
        }

        _feed.Connected(socket);
        socket.Start(_events.OnEvent, OnDropped);

        // Closed between the two steps: the socket went with the session (Start did nothing), and so does this connect.
        return ClosedError is { } closed ? throw closed : User!;
    }

    /// <summary>Watches a channel with the current connection, and again on every new one (<see cref="WatchRegistry"/>).</summary>
    public Task<JsonDocument> WatchAsync(string type, string id, CancellationToken cancellationToken) =>
        _watches.WatchAsync(type, id, cancellationToken);

    /// <summary>Stops watching a channel (<see cref="WatchRegistry.StopWatchingAsync"/>).</summary>
    public Task StopWatchingAsync(string type, string id, CancellationToken cancellationToken) =>
        _watches.StopWatchingAsync(type, id, cancellationToken);

    /// <summary>Whether <paramref name="connectionId"/> is the session's connection now.</summary>
    public bool IsConnectedWith(string connectionId)
    {
        lock (_gate)
        {
            return _closed is null && _socket?.ConnectionId == connectionId;
        }
    }

    /// <summary>A REST call as this session's user, refreshing the token on code 40 (a bounded number of times).</summary>
    public Task<JsonDocument> SendAsync(HttpMethod method, string path, string? query, byte[]? body, CancellationToken cancellationToken) =>
        WithTokenAsync((token, ct) => _rest.SendAsync(method, path, query, body, token, ct), cancellationToken);

    /// <summary>Fails everything pending now and stops the provider from being called; <see cref="CloseAsync"/> then releases the socket.</summary>
    public void Close(DisconnectReason reason, Exception? cause = null)
    {
        lock (_gate)
        {
            if (_closed is not null)
            {
                return;
            }

            _closed = new ChatDisconnectedException(reason, cause);
            _connected.TrySetResult(true); // wakes the watches waiting for a connection, to fail
        }

        _tokens.Close(reason);
        _lifetime.Cancel();
    }

    /// <summary>Closes the session and releases its socket and loops; never throws what a background loop hit.</summary>
    public async Task CloseAsync(DisconnectReason reason)
    {
        Close(reason);
        ChatSocket? socket;
        lock (_gate)
        {
            socket = _socket;
            _socket = null;
        }

        if (socket is not null)
        {
            await socket.CloseAsync().ConfigureAwait(false);
            socket.Dispose();
        }

        try
        {
            await _reconnect.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // The reconnect loop catches what it expects; anything else is logged, never handed to the closer.
            Log.SessionCloseFailed(_logger, exception);
        }

        // _lifetime is cancelled, not disposed: late callers may still link to it and must see it cancelled.
        _tokens.Dispose();
    }

    /// <summary>
    /// The current connection id; while (re)connecting, waits for the next one, at most
    /// <see cref="ChatClientConfig.RequestTimeout"/> on the configured clock.
    /// </summary>
    public async Task<string> WaitForConnectionIdAsync(CancellationToken cancellationToken)
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

    private async Task<T> WithTokenAsync<T>(Func<Token, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        try
        {
            for (var refreshes = 0; ; refreshes++)
            {
                var token = await _tokens.GetTokenAsync(linked.Token).ConfigureAwait(false);
                try
                {
                    return await send(token, linked.Token).ConfigureAwait(false);
                }
                catch (ChatApiException exception) when (exception.IsTokenExpired && _tokens.CanRefresh && refreshes < _config.MaxTokenRefreshAttempts)
                {
                    await _tokens.RefreshAsync(token, linked.Token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && ClosedError is { } closed)
        {
            throw closed;
        }
        catch (ObjectDisposedException) when (ClosedError is { } closed)
        {
            throw closed;
        }
    }

    private static TaskCompletionSource<bool> NewConnectedSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes <paramref name="socket"/> the session's connection; false when the session closed meanwhile.</summary>
    private bool TryMakeCurrent(ChatSocket socket)
    {
        lock (_gate)
        {
            if (_closed is not null)
            {
                return false;
            }

            _socket = socket;
            User = socket.Me ?? User;
            _connected.TrySetResult(true);
            return true;
        }
    }

    private bool IsCurrent(ChatSocket socket)
    {
        lock (_gate)
        {
            return ReferenceEquals(_socket, socket);
        }
    }

    private Task<ChatSocket> OpenSocketAsync(Token token, CancellationToken cancellationToken)
    {
        var userId = token.IsAnonymous ? User?.Id ?? ConnectUrl.NewAnonymousUserId() : token.UserId!;
        var url = ConnectUrl.Build(_config, userId, _guest, token);
        Log.Connecting(_logger, userId, url);
        User ??= new ChatUser(userId);
        return ChatSocket.OpenAsync(url, _webSockets, _config, _clock, _logger, cancellationToken);
    }

    private async Task<Token> FetchGuestTokenAsync(GuestUser guest, CancellationToken cancellationToken)
    {
        using var answer = await _rest.SendAsync(HttpMethod.Post, "guest", null, ChannelRequests.GuestBody(guest), token: null, cancellationToken).ConfigureAwait(false);
        return ChannelRequests.ReadGuestToken(answer.RootElement);
    }
}
