using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Benchmarks.Quick;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// The end-to-end targets. DESIGN §7 asks for the comparison with the official JavaScript client; the targets read it as
/// "never worse than the JS client" (JS ÷ C# ≥ 1 for each time) plus DESIGN §2's lifecycle rule 1 (one provider call per
/// storm, every request served).
/// </summary>
internal static class E2eTargets
{
    public static IReadOnlyList<QuickCheck> Checks(E2eResults results)
    {
        var checks = new List<QuickCheck>();
        foreach (var (cs, js) in results.Storms)
        {
            var n = cs.N.ToString("N0", CultureInfo.InvariantCulture);
            checks.Add(new($"expiry storm N={n}: C# provider calls", "1", $"{cs.ProviderCalls} (JS: {js.ProviderCalls:N0})", cs.ProviderCalls == 1));
            checks.Add(new($"expiry storm N={n}: C# requests served", n, $"{cs.Succeeded:N0} (JS: {js.Succeeded:N0})", cs.Succeeded == cs.N));
            checks.Add(AtLeastAsFast($"expiry storm N={n}: wall time", js.WallMs, cs.WallMs));
        }

        var (connectCs, connectJs) = results.Connect;
        checks.Add(AtLeastAsFast("connect p50", connectJs.Latency.P50, connectCs.Latency.P50));
        checks.Add(AtLeastAsFast("connect p99", connectJs.Latency.P99, connectCs.Latency.P99));
        var (restCs, restJs) = results.Rest;
        checks.Add(AtLeastAsFast($"{results.Sizes.RestQueries:N0} sequential queries: total", restJs.WallMs, restCs.WallMs));
        var (fanCs, fanJs) = results.FanOut;
        checks.Add(new($"fan-out to {results.Sizes.FanOutWatchers:N0}: C# deliveries missing", "0", $"{fanCs.Missing:N0} (JS: {fanJs.Missing:N0})", fanCs.Missing == 0));
        checks.Add(AtLeastAsFast($"fan-out to {results.Sizes.FanOutWatchers:N0}: delivery p50", fanJs.Latency.P50, fanCs.Latency.P50));
        checks.Add(AtLeastAsFast($"fan-out to {results.Sizes.FanOutWatchers:N0}: delivery p99", fanJs.Latency.P99, fanCs.Latency.P99));
        return checks;
    }

    private static QuickCheck AtLeastAsFast(string name, double? js, double? cs)
    {
        var ratio = E2eReport.Ratio(js, cs);
        var met = js is { } j && cs is { } c && c > 0 && j / c >= 1.0;
        return new($"{name}, JS ÷ C#", "≥ 1.00", $"{ratio} (C# {cs:N2} ms, JS {js:N2} ms)", met);
    }
}

/// <summary>The end-to-end scenarios at the quick sizes (<see cref="E2eSizes.Quick"/>), for <c>--quick</c>.</summary>
internal sealed class EndToEndQuickChecks : IQuickCheckGroup
{
    public string Name => "end to end: C# ChatClient vs the JavaScript client (quick sizes)";

    public async Task<IReadOnlyList<QuickCheck>> RunAsync(CancellationToken cancellationToken) =>
        E2eTargets.Checks(await E2eResults.MeasureAsync(E2eSizes.Quick, _ => { }).ConfigureAwait(false));
}
