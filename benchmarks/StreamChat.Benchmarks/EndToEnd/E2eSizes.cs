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

    /// <summary>For <c>-- quick</c>: one storm of 1,000 and smaller runs of the rest (the JS client's storm alone takes about 25 s).</summary>
    public static E2eSizes Quick { get; } = new([1_000], 40, 300, 200, 20);

    /// <summary>Untimed connects and queries first, so both runtimes have compiled their paths.</summary>
    public const int Warmup = 10;

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
