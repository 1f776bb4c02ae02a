namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>What the dev server saw during one run.</summary>
/// <param name="Requests">REST requests.</param>
/// <param name="Expired">Answers with code 40 (token expired).</param>
/// <param name="Dropped">WebSocket connections dropped for being slow.</param>
/// <param name="ServerErrors">5xx answers (a dev server bug if not 0).</param>
internal sealed record ServerCounts(int Requests, int Expired, int Dropped, int ServerErrors);

/// <summary>One expiry storm of one client.</summary>
/// <param name="ProviderCalls">Calls of the client's token provider during the storm (counted by the worker).</param>
/// <param name="BackendCalls">Token requests the harness answered after the expiry (the same calls, counted on the other side).</param>
/// <param name="CappedAfterSeconds">Set when the worker was killed at the harness's cap; the other figures are then what the server and backend saw.</param>
internal sealed record StormRun(
    ClientKind Client,
    int N,
    int ProviderCalls,
    int BackendCalls,
    double WallMs,
    int Succeeded,
    int Failed,
    string? FirstError,
    ServerCounts Server,
    double? CappedAfterSeconds);

/// <summary>One latency run of one client (connects, sequential queries or fan-out deliveries).</summary>
/// <param name="WallMs">The whole run (sequential queries), when it has one.</param>
/// <param name="SetupMs">Fan-out: connecting and watching every watcher.</param>
/// <param name="Missing">Fan-out: deliveries that did not arrive in time.</param>
internal sealed record LatencyRun(
    ClientKind Client,
    LatencySummary Latency,
    double? WallMs,
    double? SetupMs,
    int Missing,
    ServerCounts Server,
    double? CappedAfterSeconds);
