using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of a dev server that breaks the network on command: drops (FIN or RST), stalls,
/// cut frames, slow bytes, refused connections, and raw answers the server would never send (a 101 followed by a
/// crafted first frame, a load balancer's 502/503 page). Give the client <see cref="BaseUrl"/>.
/// </summary>
/// <remarks>
/// Each connection is told apart by its request head: a WebSocket upgrade or a REST request. REST requests are sent
/// upstream with <c>Connection: close</c>, so each has a TCP connection of its own and "the next REST request" commands
/// apply per request. Commands about the next connections are queued per kind and consumed in order.
/// </remarks>
internal sealed class FaultProxy : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly int _port;
    private readonly ConcurrentDictionary<ProxiedConnection, byte> _live = new();
    private readonly ConcurrentQueue<NextConnection>[] _plans = [new(), new()];
    private readonly int[] _requests = new int[2];
    private readonly object _listenerGate = new();
    private TcpListener? _listener;
    private readonly object _roundTripGate = new();
    private long _delayTicks;
    private int _restInFlight;
    private int _restPeak;
    private int _restAnsweredDepth;
    private int _restDepth;

    private FaultProxy(Uri upstream)
    {
        _upstream = new IPEndPoint(IPAddress.Loopback, upstream.Port);
        _listener = Listen(0);
        _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptLoopAsync(_listener);
    }

    /// <summary>The proxy's address, for <see cref="ChatClientConfig.BaseUrl"/>.</summary>
    public Uri BaseUrl => new($"http://127.0.0.1:{_port}/");

    /// <summary>Connections whose client side is still open, of every kind.</summary>
    public int LiveConnections => _live.Count;

    /// <summary>What the live connections are doing, for failure messages.</summary>
    public string LiveDescription => string.Join("; ", _live.Keys.Select(connection => connection.ToString()));

    /// <summary>Connections the proxy is holding on purpose (stalled).</summary>
    public int Held => _live.Keys.Count(connection => connection.IsHeld);

    /// <summary>A wait before every chunk forwarded in either direction: a slow network.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    public static FaultProxy Start(Uri upstream) => new(upstream);

    /// <summary>Connections of <paramref name="kind"/> whose client side is still open.</summary>
    public int Live(ConnectionKind kind) => _live.Keys.Count(connection => connection.Kind == kind);

    /// <summary>Requests of <paramref name="kind"/> the proxy has seen (each REST request and each upgrade).</summary>
    public int Requests(ConnectionKind kind) => Volatile.Read(ref _requests[(int)kind]);

    /// <summary>
    /// Since <see cref="ResetRoundTrips"/>: the most REST requests forwarded at once, and the round trips on the longest
    /// chain of REST requests each sent after the one before it was answered (what a client waits for, counted, not timed).
    /// </summary>
    public (int PeakConcurrency, int RoundTrips) RestRoundTrips()
    {
        lock (_roundTripGate)
        {
            return (_restPeak, _restDepth);
        }
    }

    /// <summary>Starts counting <see cref="RestRoundTrips"/> afresh.</summary>
    public void ResetRoundTrips()
    {
        lock (_roundTripGate)
        {
            _restPeak = _restInFlight;
            _restAnsweredDepth = 0;
            _restDepth = 0;
        }
    }

    /// <summary>Queues what happens to the next <paramref name="count"/> connections of <paramref name="kind"/>.</summary>
    public void Next(ConnectionKind kind, NextConnection plan, int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _plans[(int)kind].Enqueue(plan);
        }
    }

    /// <summary>Forgets every queued plan: the next connections are forwarded faithfully.</summary>
    public void DiscardPlans()
    {
        foreach (var plans in _plans)
        {
            plans.Clear();
        }
    }

    /// <summary>Ends every live connection of <paramref name="kind"/> now.</summary>
    /// <returns>How many were dropped.</returns>
    public int Drop(ConnectionKind kind, DropMode mode) => ForLive(kind, connection =>
    {
        connection.Close(mode);
        return true;
    });

    /// <summary>Stops forwarding server-to-client bytes on every live WebSocket (the client's bytes still go up).</summary>
    public int StallWebSockets() => ForLive(ConnectionKind.WebSocket, connection => connection.StallServerToClient());

    /// <summary>On every live WebSocket, the next server frame arrives cut in the middle, then the connection closes.</summary>
    public int CutNextFrames() => ForLive(ConnectionKind.WebSocket, connection => connection.CutNextFrame());

    /// <summary>Sends <paramref name="frame"/> to every live WebSocket client between two server frames.</summary>
    public async Task<int> InjectAsync(byte[] frame)
    {
        var sent = await Task.WhenAll(_live.Keys.Where(c => c.Kind == ConnectionKind.WebSocket).Select(c => c.InjectAsync(frame)));
        return sent.Count(ok => ok);
    }

    /// <summary>Closes the listening socket: new connections are refused (ECONNREFUSED) until <see cref="AcceptAgain"/>.</summary>
    public void Refuse()
    {
        lock (_listenerGate)
        {
            _listener?.Stop();
            _listener = null;
        }
    }

    /// <summary>Listens again on the same port after <see cref="Refuse"/>.</summary>
    public void AcceptAgain()
    {
        lock (_listenerGate)
        {
            if (_listener is null)
            {
                _listener = Listen(_port);
                _ = AcceptLoopAsync(_listener);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Refuse();
        foreach (var connection in _live.Keys)
        {
            connection.Close(DropMode.Reset);
        }

        while (!_live.IsEmpty)
        {
            await Task.Delay(5).WaitAsync(Loopback.HangGuard);
        }
    }

    internal NextConnection? TakePlan(ConnectionKind kind)
    {
        Interlocked.Increment(ref _requests[(int)kind]);
        return _plans[(int)kind].TryDequeue(out var plan) ? plan : null;
    }

    /// <summary>A REST request goes upstream: its place on the chain is one after the longest chain answered so far.</summary>
    internal int RestRequestSent()
    {
        lock (_roundTripGate)
        {
            _restPeak = Math.Max(_restPeak, ++_restInFlight);
            var depth = _restAnsweredDepth + 1;
            _restDepth = Math.Max(_restDepth, depth);
            return depth;
        }
    }

    /// <summary>The answer to a REST request starts coming back (before the client can see any of it).</summary>
    internal void RestRequestAnswered(int depth)
    {
        lock (_roundTripGate)
        {
            _restInFlight--;
            _restAnsweredDepth = Math.Max(_restAnsweredDepth, depth);
        }
    }

    internal Task DelayAsync(CancellationToken token)
    {
        var delay = Delay;
        return delay > TimeSpan.Zero ? Task.Delay(delay, token) : Task.CompletedTask;
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private int ForLive(ConnectionKind kind, Func<ProxiedConnection, bool> action) =>
        _live.Keys.Where(connection => connection.Kind == kind).Count(action);

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                socket.NoDelay = true;
                var connection = new ProxiedConnection(this, socket);
                _live.TryAdd(connection, 0);
                _ = ServeAsync(connection);
            }
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Refuse() or DisposeAsync() stopped the listener.
        }
    }

    private async Task ServeAsync(ProxiedConnection connection)
    {
        try
        {
            await connection.RunAsync(_upstream);
        }
        finally
        {
            _live.TryRemove(connection, out _);
        }
    }
}
