using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Diagnostics;
using StreamChat.Http;
using StreamChat.Internal;
using StreamChat.Logging;
using StreamChat.Realtime;

namespace StreamChat;

/// <summary>
/// The chat client: connects a user with the tokens its <see cref="TokenProvider"/> supplies, keeps the WebSocket
/// alive, and sends requests as that user. One token refresh at a time serves REST and the WebSocket alike.
/// </summary>
/// <remarks>
/// <see cref="ConnectAsync"/>, <see cref="DisconnectAsync"/> and <see cref="SwitchUserAsync"/> run one at a time.
/// A disconnect or switch fails every pending operation of the old user with <see cref="ChatDisconnectedException"/>
/// and never calls the old user's provider again.
/// </remarks>
public sealed partial class ChatClient : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly object _stateGate = new();
    private readonly ServerClock _clock;
    private readonly RestTransport _rest;
    private readonly WebSocketConnector _webSockets;
    private readonly ILogger _logger;
    private readonly ConnectionStateClock _stateClock;
    private readonly EventQueue _events;
    private ChatSession? _session;
    private ConnectionState _state;
    private int _disposed;

    /// <summary>Creates a client for the app in <paramref name="config"/>, authenticating with <paramref name="tokenProvider"/>.</summary>
    /// <param name="config">The app's API key and connection settings.</param>
    /// <param name="tokenProvider">Supplies the user's tokens; see <see cref="StreamChat.TokenProvider"/> for the five kinds.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">
    /// <see cref="ChatClientConfig.BaseUrl"/> is plain http to another machine and <see cref="ChatClientConfig.AllowInsecureTransport"/> is not set.
    /// </exception>
    public ChatClient(ChatClientConfig config, TokenProvider tokenProvider)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        TokenProvider = tokenProvider ?? throw new ArgumentNullException(nameof(tokenProvider));
        _ = config.CheckedBaseUrl; // fails early; requests check again, as the config stays mutable
        _logger = config.LoggerFactory.CreateLogger("StreamChat.ChatClient");
        _clock = new ServerClock(config.TimeProvider, _logger);
        _rest = new RestTransport(config, _clock, _logger);
        _webSockets = new WebSocketConnector(config);
        _stateClock = new ConnectionStateClock(config.TimeProvider);
        _events = new EventQueue(config.SynchronizationContext, _logger);
    }

    /// <summary>Raised when <see cref="State"/> changes, in the order of the changes; see <see cref="MessageReceived"/> for where and when.</summary>
    public event EventHandler<ConnectionStateChangedEventArgs>? ConnectionStateChanged;

    /// <summary>
    /// Raised for each <c>message.new</c> event of a watched channel, once per message and in order, also for the messages
    /// sent while the client was reconnecting (recovered with the protocol's <c>/sync</c> call).
    /// </summary>
    /// <remarks>
    /// This event and <see cref="ConnectionStateChanged"/> are raised one at a time, in order, on
    /// <see cref="ChatClientConfig.SynchronizationContext"/> when it is set, else on the thread pool; never under a lock of
    /// the client and never on its receive loop, so a slow handler delays later events but loses none. A handler may call
    /// anything on the client, including <see cref="Dispose"/>, <see cref="DisposeAsync"/>, <see cref="DisconnectAsync"/>
    /// and <see cref="SwitchUserAsync"/>. Handlers run after the change: <see cref="State"/> may have moved on.
    /// </remarks>
    public event EventHandler<MessageReceivedEventArgs>? MessageReceived;

    /// <summary>The settings the client was created with.</summary>
    public ChatClientConfig Config { get; }

    /// <summary>The provider of the current user's tokens.</summary>
    public TokenProvider TokenProvider { get; private set; }

    /// <summary>The connection state.</summary>
    public ConnectionState State
    {
        get
        {
            lock (_stateGate)
            {
                return _state;
            }
        }
    }

    /// <summary>The WebSocket's connection id while connected, else <see langword="null"/>.</summary>
    public string? ConnectionId => Volatile.Read(ref _session)?.ConnectionId;

    /// <summary>The connected user as the server described it, else <see langword="null"/>.</summary>
    public ChatUser? CurrentUser => Volatile.Read(ref _session) is { ClosedError: null } session ? session.User : null;

    /// <summary>
    /// Connects the user: gets a token from the provider (for a guest, from the server), opens the WebSocket and waits
    /// for the server to confirm. Does nothing when already connected.
    /// </summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>The connected user.</returns>
    /// <exception cref="ChatApiException">The server rejected the user (the code says why).</exception>
    /// <exception cref="TokenProviderException">The provider could not supply a token.</exception>
    /// <exception cref="ChatDisconnectedException">A disconnect or user switch interrupted the connect.</exception>
    /// <exception cref="ChatConnectionException">The server could not be reached.</exception>
    /// <exception cref="ObjectDisposedException">
    /// The client was disposed, also while this call waited for a connect or disconnect to finish; a connect already under
    /// way when the dispose began fails with <see cref="ChatDisconnectedException"/> (<see cref="DisconnectReason.Disposed"/>).
    /// </exception>
    public async Task<ChatUser> ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed(); // queued behind a dispose: build nothing
            return await ConnectLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Disconnects: pending operations (including ones waiting for a token refresh) fail with
    /// <see cref="ChatDisconnectedException"/>, a refresh in flight is cancelled and the WebSocket is closed.
    /// </summary>
    /// <param name="cancellationToken">Cancels waiting for a connect or switch in progress to finish.</param>
    /// <returns>A task that completes when the client is disconnected.</returns>
    public async Task DisconnectAsync(CancellationToken cancellationToken = default)
    {
        // Fail the pending work at once, even while a connect holds the lifecycle lock.
        Volatile.Read(ref _session)?.Close(DisconnectReason.Disconnected);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await EndSessionLockedAsync(DisconnectReason.Disconnected).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Switches to another user: the current user's pending operations fail with <see cref="ChatDisconnectedException"/>
    /// (<see cref="DisconnectReason.UserSwitched"/>), its provider is never called again, and the new user connects.
    /// </summary>
    /// <param name="tokenProvider">The new user's token provider.</param>
    /// <param name="cancellationToken">Cancels the switch.</param>
    /// <returns>The newly connected user.</returns>
    /// <exception cref="ObjectDisposedException">The client was disposed, also while the switch waited for a connect or disconnect to finish.</exception>
    public async Task<ChatUser> SwitchUserAsync(TokenProvider tokenProvider, CancellationToken cancellationToken = default)
    {
        if (tokenProvider is null)
        {
            throw new ArgumentNullException(nameof(tokenProvider));
        }

        ThrowIfDisposed();
        Volatile.Read(ref _session)?.Close(DisconnectReason.UserSwitched);
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            await EndSessionLockedAsync(DisconnectReason.UserSwitched).ConfigureAwait(false);
            TokenProvider = tokenProvider;
            return await ConnectLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Disconnects and releases the client's resources: once it returns no socket, timer or session of the client is
    /// left, and connects that were waiting for their turn fail with <see cref="ObjectDisposedException"/>. It never
    /// throws what a background loop (reconnecting, receiving) ran into.
    /// </summary>
    /// <returns>A task that completes when the client is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Volatile.Read(ref _session)?.Close(DisconnectReason.Disposed);
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            await EndSessionLockedAsync(DisconnectReason.Disposed).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }

        _rest.Dispose();
        _webSockets.Dispose();
    }

    /// <summary>
    /// Disconnects and releases the client's resources (blocking; prefer <see cref="DisposeAsync"/>). In a browser, whose
    /// one thread may not block, it starts the same dispose and returns at once.
    /// </summary>
    public void Dispose()
    {
        if (ClientPlatform.IsBrowser)
        {
            // Blocking would throw "Cannot wait on monitors"; DisposeAsync does not throw, so nothing is left to observe.
            _ = DisposeAsync().AsTask();
            return;
        }

        DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    internal void RaiseMessageReceived(ChatSession session, MessageReceivedEventArgs args)
    {
        if (!ReferenceEquals(Volatile.Read(ref _session), session))
        {
            return;
        }

        _events.Post(() => MessageReceived?.Invoke(this, args));
    }

    /// <summary>
    /// A session reports its reconnects; reports of a session that is no longer current are ignored, and so is one
    /// whose <paramref name="stillValid"/> no longer holds when the state would change.
    /// </summary>
    internal void OnSessionState(ChatSession session, ConnectionState state, Exception? error, string? connectionId, Func<bool>? stillValid = null)
    {
        if (ReferenceEquals(Volatile.Read(ref _session), session))
        {
            SetState(state, error, connectionId, stillValid);
        }
    }

    private async Task<ChatUser> ConnectLockedAsync(CancellationToken cancellationToken)
    {
        if (_session is { ClosedError: null } existing && existing.User is { } connected && existing.ConnectionId is not null)
        {
            return connected;
        }

        await EndSessionLockedAsync(DisconnectReason.NotConnected).ConfigureAwait(false);
        var session = new ChatSession(this, TokenProvider, _rest, _webSockets, _clock, _logger);

        // Both sides fence (here and in DisposeAsync): either the dispose sees this session and closes it, or this sees the dispose.
        Interlocked.Exchange(ref _session, session);
        if (Volatile.Read(ref _disposed) != 0)
        {
            session.Close(DisconnectReason.Disposed);
        }

        SetState(ConnectionState.Connecting, null, null);
        using var span = ConnectionTelemetry.StartConnect(Config, TokenProvider.Kind);
        try
        {
            var user = await session.ConnectAsync(cancellationToken).ConfigureAwait(false);
            ConnectionTelemetry.Connected(span, Config, user);

            // Connected only while this connection is still the session's: if it dropped already, the reconnect loop owns the state.
            if (session.ConnectionId is { } connectionId)
            {
                Log.Connected(_logger, user.Id, connectionId);
                SetState(ConnectionState.Connected, null, connectionId, () => session.IsConnectedWith(connectionId));
            }

            return user;
        }
        catch (Exception exception) when (!ClientTelemetry.Fail(span, exception))
        {
            Volatile.Write(ref _session, null);
            await session.CloseAsync(DisconnectReason.NotConnected).ConfigureAwait(false);
            SetState(ConnectionState.Disconnected, exception, null);
            throw;
        }
    }

    private async Task EndSessionLockedAsync(DisconnectReason reason)
    {
        var session = _session;
        if (session is null)
        {
            return;
        }

        Volatile.Write(ref _session, null);
        await session.CloseAsync(reason).ConfigureAwait(false);
        Log.Disconnected(_logger, reason);
        SetState(ConnectionState.Disconnected, null, null);
    }

    /// <summary>Changes the state and queues its event in the same step, so the events come in the order of the changes.</summary>
    private void SetState(ConnectionState state, Exception? error, string? connectionId, Func<bool>? stillValid = null)
    {
        lock (_stateGate)
        {
            var previous = _state;
            if (previous == state || stillValid?.Invoke() == false)
            {
                return;
            }

            _state = state;
            _stateClock.Changed(previous, state);
            var change = new ConnectionStateChangedEventArgs(previous, state, error, connectionId);
            _events.Post(() => ConnectionStateChanged?.Invoke(this, change));
        }
    }

    private ChatSession RequireSession()
    {
        ThrowIfDisposed();
        return Volatile.Read(ref _session) is { } session
            ? session.ClosedError is { } closed ? throw closed : session
            : throw new ChatDisconnectedException(DisconnectReason.NotConnected);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(ChatClient));
        }
    }
}
