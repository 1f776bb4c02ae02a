using System.Collections.Generic;
using System.Linq;

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

/// <summary>One latency run of one client (connects, sequential queries or fan-out deliveries), or several pooled.</summary>
/// <param name="Samples">Every latency, in milliseconds.</param>
/// <param name="WallMs">The whole run (sequential queries), when it has one; the median round's when pooled.</param>
/// <param name="SetupMs">Fan-out: connecting and watching every watcher.</param>
/// <param name="Missing">Fan-out: deliveries that did not arrive in time.</param>
internal sealed record LatencyRun(
    ClientKind Client,
    IReadOnlyList<double> Samples,
    double? WallMs,
    double? SetupMs,
    int Missing,
    ServerCounts Server,
    double? CappedAfterSeconds)
{
    public LatencySummary Latency { get; } = LatencySummary.From(Samples);

    /// <summary>Rounds of one client as one run: every sample pooled, the median round's wall time, the worst of the rest.</summary>
    public static LatencyRun Pool(IReadOnlyList<LatencyRun> rounds) =>
        rounds.Count == 1 ? rounds[0] : new LatencyRun(
            rounds[0].Client,
            [.. rounds.SelectMany(r => r.Samples)],
            rounds.Select(r => r.WallMs).Order().ElementAt(rounds.Count / 2),
            rounds.Select(r => r.SetupMs).Order().ElementAt(rounds.Count / 2),
            rounds.Sum(r => r.Missing),
            new ServerCounts(rounds.Sum(r => r.Server.Requests), rounds.Sum(r => r.Server.Expired), rounds.Sum(r => r.Server.Dropped), rounds.Sum(r => r.Server.ServerErrors)),
            rounds.Max(r => r.CappedAfterSeconds));
}
