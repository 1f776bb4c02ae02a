using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>Percentiles of a set of latencies, computed here for both clients alike (nearest rank).</summary>
internal sealed record LatencySummary(int Count, double P50, double P99, double Max)
{
    /// <summary>The samples a worker sent (a JSON array of milliseconds), or none.</summary>
    public static double[] Samples(JsonNode? samples) => samples?.AsArray().Select(s => s!.GetValue<double>()).ToArray() ?? [];

    public static LatencySummary From(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, double.NaN, double.NaN, double.NaN)
            : new LatencySummary(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(IReadOnlyList<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile * sorted.Count) - 1, 0, sorted.Count - 1)];
}
