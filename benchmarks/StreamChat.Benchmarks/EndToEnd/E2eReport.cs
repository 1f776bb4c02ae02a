using System;
using System.Globalization;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// <c>--e2e [--quick]</c>: the end-to-end scenarios for both clients on one dev server, printed as the markdown tables of
/// docs/benchmarks-end-to-end.md. Ratios are JS ÷ C#: above 1, the C# client is faster (or calls its provider less).
/// </summary>
internal static class E2eReport
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = Array.IndexOf(args, "--quick") >= 0 ? E2eSizes.Quick : E2eSizes.Full;
        var results = await E2eResults.MeasureAsync(sizes, step => Console.Error.WriteLine($"e2e: {step}..."));
        Print(results);
        return 0;
    }

    public static void Print(E2eResults results)
    {
        Console.WriteLine($"C# ChatClient (.NET {Environment.Version}) vs stream-chat 9.53.0 (node {results.NodeVersion}), one in-process dev server on 127.0.0.1, {Environment.ProcessorCount} cores.");
        Console.WriteLine();
        Console.WriteLine("Expiry storm: N concurrent queries on an expired token");
        Console.WriteLine();
        Console.WriteLine("| N | provider calls C# | provider calls JS | wall C# | wall JS | JS ÷ C# | succeeded C# / JS | requests C# / JS | answered 40 C# / JS |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (cs, js) in results.Storms)
        {
            Console.WriteLine($"| {cs.N:N0} | {Calls(cs)} | {Calls(js)} | {Wall(cs)} | {Wall(js)} | {Ratio(js.WallMs, cs.WallMs)} | {cs.Succeeded:N0} / {js.Succeeded:N0} | {cs.Server.Requests:N0} / {js.Server.Requests:N0} | {cs.Server.Expired:N0} / {js.Server.Expired:N0} |");
        }

        foreach (var (cs, js) in results.Storms)
        {
            foreach (var run in new[] { cs, js })
            {
                if (run.FirstError is not null)
                {
                    Console.WriteLine($"- N = {run.N:N0}, {run.Client.Label()}: {run.Failed:N0} failed, the first with: {run.FirstError}");
                }
            }
        }

        Console.WriteLine();
        Latencies($"Connect latency: {E2eSizes.Rounds} rounds of {results.Sizes.Connects} connects, a new client each (samples pooled)", results.Connect, wallLabel: null);
        Latencies($"Sequential REST: {E2eSizes.Rounds} rounds of {results.Sizes.RestQueries:N0} channel queries, one after another (samples pooled)", results.Rest, wallLabel: $"all {results.Sizes.RestQueries:N0}, the median round");
        Latencies($"Fan-out: {results.Sizes.FanOutWatchers:N0} watchers of one channel, {results.Sizes.FanOutMessages} messages one after another (delivery latency)", results.FanOut, wallLabel: null);
        var (fanCs, fanJs) = results.FanOut;
        Console.WriteLine($"Fan-out setup (connect and watch, {E2eSizes.ConnectConcurrency} at a time): C# {Ms(fanCs.SetupMs)}, JS {Ms(fanJs.SetupMs)}; deliveries missing: C# {fanCs.Missing:N0}, JS {fanJs.Missing:N0}; connections the server dropped: C# {fanCs.Server.Dropped}, JS {fanJs.Server.Dropped}.");
        Console.WriteLine();
        Console.WriteLine("Targets");
        Console.WriteLine();
        foreach (var check in E2eTargets.Checks(results))
        {
            Console.WriteLine($"- {(check.Met == true ? "met" : "**missed**")}: {check.Name}: {check.Measured} (target {check.Target})");
        }
    }

    public static string Ratio(double? js, double? cs) =>
        js is { } j && cs is { } c && c > 0 && !double.IsNaN(j) && !double.IsNaN(c) ? $"{j / c:N2}" : "–";

    private static void Latencies(string title, (LatencyRun CSharp, LatencyRun JavaScript) runs, string? wallLabel)
    {
        var (cs, js) = runs;
        Console.WriteLine(title);
        Console.WriteLine();
        Console.WriteLine("| | C# | JS | JS ÷ C# |");
        Console.WriteLine("|---|---:|---:|---:|");
        if (wallLabel is not null)
        {
            Console.WriteLine($"| {wallLabel} | {Ms(cs.WallMs)} | {Ms(js.WallMs)} | {Ratio(js.WallMs, cs.WallMs)} |");
        }

        Console.WriteLine($"| p50 | {Ms(cs.Latency.P50)} | {Ms(js.Latency.P50)} | {Ratio(js.Latency.P50, cs.Latency.P50)} |");
        Console.WriteLine($"| p99 | {Ms(cs.Latency.P99)} | {Ms(js.Latency.P99)} | {Ratio(js.Latency.P99, cs.Latency.P99)} |");
        Console.WriteLine($"| max | {Ms(cs.Latency.Max)} | {Ms(js.Latency.Max)} | {Ratio(js.Latency.Max, cs.Latency.Max)} |");
        Console.WriteLine($"| samples | {cs.Latency.Count:N0}{Capped(cs.CappedAfterSeconds)} | {js.Latency.Count:N0}{Capped(js.CappedAfterSeconds)} | |");
        Console.WriteLine();
    }

    private static string Calls(StormRun run) =>
        run.ProviderCalls == run.BackendCalls ? $"{run.ProviderCalls:N0}" : $"{run.ProviderCalls:N0} (backend: {run.BackendCalls:N0})";

    private static string Wall(StormRun run) => run.CappedAfterSeconds is { } cap ? $"capped at {cap:N0} s" : Ms(run.WallMs);

    private static string Capped(double? seconds) => seconds is { } s ? $" (capped at {s:N0} s)" : string.Empty;

    private static string Ms(double? ms) => ms switch
    {
        null => "–",
        double.NaN => "–",
        >= 10_000 => string.Create(CultureInfo.InvariantCulture, $"{ms / 1000:N1} s"),
        >= 100 => string.Create(CultureInfo.InvariantCulture, $"{ms:N0} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ms:N2} ms"),
    };
}
