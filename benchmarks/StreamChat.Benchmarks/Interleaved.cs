using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace StreamChat.Benchmarks;

/// <summary>
/// Ratios of two loops' time per call, measured in alternating short rounds: neighbours on a shared machine slow both
/// sides of a round alike, so the median of the per-round ratios holds where absolute times (and benchmarks run one after
/// the other) drift by tens of percent.
/// </summary>
internal static class Interleaved
{
    /// <summary>The median and quartiles of candidate time / reference time over the rounds.</summary>
    public readonly record struct Ratio(double Median, double LowerQuartile, double UpperQuartile, int Rounds)
    {
        public override string ToString() => $"{Median:0.000} (quartiles {LowerQuartile:0.000}..{UpperQuartile:0.000}, {Rounds} rounds)";
    }

    private const double RoundMilliseconds = 2;

    public static Ratio Measure(Action candidate, Action reference, TimeSpan duration)
    {
        // Warm both up past tiered compilation, then size each side's round to about 2 ms: long enough that switching
        // between the two (cold caches and branch predictors) costs nothing measurable, short enough that a neighbour's
        // burst lands on both sides.
        var candidateCalls = Calibrate(candidate);
        var referenceCalls = Calibrate(reference);
        var ratios = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration || ratios.Count < 20)
        {
            var a = Time(candidate, candidateCalls) / candidateCalls;
            var b = Time(reference, referenceCalls) / referenceCalls;
            ratios.Add(a / b);
        }

        ratios.Sort();
        return new Ratio(ratios[ratios.Count / 2], ratios[ratios.Count / 4], ratios[ratios.Count * 3 / 4], ratios.Count);
    }

    /// <summary>Bytes allocated per call on this thread, after a warm-up: exact, not sampled.</summary>
    public static long BytesPerCall(Action step)
    {
        for (var i = 0; i < 1000; i++)
        {
            step();
        }

        const int Calls = 1000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Calls; i++)
        {
            step();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static int Calibrate(Action step)
    {
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.ElapsedMilliseconds < 600)
        {
            step();
            calls++;
        }

        var perCall = watch.Elapsed.TotalMilliseconds / calls;
        return (int)Math.Clamp(RoundMilliseconds / perCall, 20, 1_000_000);
    }

    private static double Time(Action step, int calls)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            step();
        }

        return watch.Elapsed.TotalMilliseconds;
    }
}
