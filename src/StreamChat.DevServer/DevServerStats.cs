using System.Collections.Concurrent;
using System.Threading;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer;

/// <summary>Counters of what the server received and refused, for tests to assert on. Thread-safe.</summary>
public sealed partial class DevServerStats
{
    private readonly ConcurrentDictionary<StreamErrorCode, int> _rejections = new();
    private readonly ConnectionRegistry _connections;
    private int _restRequests;
    private int _webSocketConnects;
    private int _serverErrors;
    private int _droppedConnections;

    internal DevServerStats(ConnectionRegistry connections) => _connections = connections;

    /// <summary>REST requests received, on every endpoint (WebSocket upgrades are not counted).</summary>
    public int RestRequests => Volatile.Read(ref _restRequests);

    /// <summary>Successful WebSocket <c>/connect</c> handshakes (the first <c>health.check</c> was sent).</summary>
    public int WebSocketConnects => Volatile.Read(ref _webSocketConnects);

    /// <summary>WebSocket connections open now.</summary>
    public int OpenWebSockets => _connections.Count;

    /// <summary>
    /// Requests that failed inside the server: a 5xx answer, or an exception that escaped an endpoint after the answer (or
    /// the WebSocket) had started. Client input never causes one; a non-zero count is a dev server bug.
    /// </summary>
    public int ServerErrors => Volatile.Read(ref _serverErrors);

    /// <summary>
    /// WebSocket connections dropped for being slow: more than <see cref="DevServerOptions.MaxSendQueueBytes"/> waited for them
    /// or a send took longer than <see cref="DevServerOptions.SendTimeout"/>.
    /// </summary>
    public int DroppedConnections => Volatile.Read(ref _droppedConnections);

    /// <summary>How many REST responses and WebSocket error frames carried <paramref name="code"/>.</summary>
    /// <param name="code">The protocol error code.</param>
    /// <returns>The count so far.</returns>
    public int RejectedWithCode(StreamErrorCode code) => _rejections.TryGetValue(code, out var count) ? count : 0;

    /// <summary>Every code refused so far with its count.</summary>
    internal System.Collections.Generic.KeyValuePair<StreamErrorCode, int>[] RejectionCounts() => _rejections.ToArray();

    internal void CountRestRequest() => Interlocked.Increment(ref _restRequests);

    internal void CountServerError() => Interlocked.Increment(ref _serverErrors);

    internal void CountDroppedConnection() => Interlocked.Increment(ref _droppedConnections);

    internal void CountWebSocketConnect() => Interlocked.Increment(ref _webSocketConnects);

    /// <summary>The latest refusals, for the dashboard's live view.</summary>
    internal RefusalLog Refusals { get; } = new();

    /// <summary>Counts a refusal and keeps it in <see cref="Refusals"/>.</summary>
    internal void CountRejection(StreamErrorCode code, string where, string message, System.DateTimeOffset at)
    {
        _rejections.AddOrUpdate(code, 1, static (_, count) => count + 1);
        Refusals.Add(new Refusal(at, code, where, message));
    }
}
