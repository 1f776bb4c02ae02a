using System;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.Generator;

/// <summary><c>--generator</c>: the generator and analyzer times on 1,000 records as markdown tables for docs/benchmarks-generator.md.</summary>
internal static class GeneratorReport
{
    public static async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var result = await GeneratorScaleMeasurement.MeasureAsync(runs: 5, cancellationToken).ConfigureAwait(false);
        Console.WriteLine($"Generator on {result.GeneratedFiles:N0} claims records (medians of 5 runs after a warm-up; the transforms alone of 25)");
        Console.WriteLine();
        Console.WriteLine("| run | time | ratio to cold |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine($"| cold: new driver, fresh compilation | {Ms(result.Cold)} | 1.00 |");
        Console.WriteLine($"| steady state after an unrelated edit, new compilation (every step Cached/Unchanged: {(result.SteadyStateAllCached ? "yes" : "NO")}) | {Ms(result.SteadyState)} | {result.SteadyState / result.Cold:F2} |");
        Console.WriteLine($"| the same, the new compilation's symbols already built (the transforms alone) | {Ms(result.SteadyStateSymbolsBuilt)} | {result.SteadyStateSymbolsBuilt / result.Cold:F2} |");
        Console.WriteLine();
        Console.WriteLine("| analyzer (sequential, compiler telemetry) | time | ratio to the compiler's own time |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (analyzer, time) in result.Analyzers)
        {
            Console.WriteLine($"| {analyzer} | {Ms(time)} | {time / result.Compiler:F3} |");
        }

        Console.WriteLine($"| all four | {Ms(result.AnalyzersTotal)} | {result.AnalyzersTotal / result.Compiler:F3} |");
        Console.WriteLine($"| the compiler in the same run (binding and diagnostics of records and generated code, no emit) | {Ms(result.Compiler)} | 1.000 |");
        return 0;
    }

    private static string Ms(TimeSpan time) => $"{time.TotalMilliseconds:N1} ms";
}
