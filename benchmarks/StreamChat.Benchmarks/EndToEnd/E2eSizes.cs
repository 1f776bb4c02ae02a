using System;
using System.Collections.Generic;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>How much each scenario does: the sizes issue 13 asks for, or the quick mode's smaller ones.</summary>
internal sealed record E2eSizes(
    IReadOnlyList<int> StormRequests,
    int Connects,
    int RestQueries,
    int FanOutWatchers,
    int FanOutMessages)
{
    /// <summary>Issue 13, item 3: storms of 20, 1,000 and 10,000; 100 connects; 1,000 queries; 1,000 watchers and 100 messages.</summary>
    public static E2eSizes Full { get; } = new([20, 1_000, 10_000], 100, 1_000, 1_000, 100);

    /// <summary>
    /// For <c>--quick</c>: one storm of 1,000 (the JS client's storm alone takes about 25 s) and 20 messages to the 1,000
    /// watchers; the rest at full count: fewer connects, queries or watchers only made the tails noisier (a fan-out to 200
    /// once had its p99 ratio at 1.01).
    /// </summary>
    public static E2eSizes Quick { get; } = new([1_000], 100, 1_000, 1_000, 20);

    /// <summary>
    /// Rounds of the short scenarios (connects, sequential queries), alternating the clients, pooled: one round is over in
    /// a second or less, so a burst of load from another process on a shared machine could decide it alone, and with 3
    /// rounds (300 connects, the p99 their third slowest) one quick run in six still missed the connect p99 on outliers.
    /// </summary>
    public const int Rounds = 5;

    /// <summary>Untimed connects and queries first, so both runtimes have compiled their paths.</summary>
    public const int Warmup = 10;

    /// <summary>Untimed messages before the fan-out's timed ones: the first ones pay for compiling every watcher's receive path.</summary>
    public const int FanOutWarmup = 5;

    /// <summary>Watchers connecting at a time, for both clients.</summary>
    public const int ConnectConcurrency = 50;

    /// <summary>
    /// The longest one scenario run may take before its worker is killed and the run reported as capped: the harness's
    /// bound on time (the JS client backs off up to 25 s per request in a storm).
    /// </summary>
    public static TimeSpan Cap(string scenario) => scenario switch
    {
        Scenarios.FanOut => TimeSpan.FromMinutes(5),
        _ => TimeSpan.FromMinutes(3),
    };
}
