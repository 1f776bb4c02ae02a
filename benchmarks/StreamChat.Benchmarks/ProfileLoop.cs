using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks;

/// <summary>
/// Runs one benchmark method in a tight loop for a while, for a sampling profiler to attach to:
/// <c>DOTNET_PerfMapEnabled=1 perf record -g dotnet StreamChat.Benchmarks.dll --profile issue 20</c>.
/// </summary>
internal static class ProfileLoop
{
    private static readonly Dictionary<string, Func<Action>> Loops = new(StringComparer.OrdinalIgnoreCase)
    {
        ["issue"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.Ours()),
        ["generated"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.Generated()),
        ["floor"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.HmacFloor()),
        ["decode"] = () => Setup(new DecodeTokenBenchmarks(), b => b.Setup(), b => b.Ours()),
        ["validate"] = () => Setup(new ValidateTokenBenchmarks(), b => b.Setup(), b => b.OursAsync().GetAwaiter().GetResult()),
        ["validate-handler"] = () => Setup(new ValidateTokenBenchmarks(), b => b.Setup(), b => b.Handler().GetAwaiter().GetResult()),
    };

    public static int Run(string name, double seconds)
    {
        if (!Loops.TryGetValue(name, out var make))
        {
            Console.Error.WriteLine($"Unknown loop '{name}'; one of: {string.Join(", ", Loops.Keys)}.");
            return 2;
        }

        var step = make();
        var watch = Stopwatch.StartNew();
        long calls = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            for (var i = 0; i < 10_000; i++)
            {
                step();
            }

            calls += 10_000;
        }

        Console.WriteLine($"{name}: {calls:N0} calls, {watch.Elapsed.TotalMilliseconds * 1_000_000 / calls:F1} ns per call");
        return 0;
    }

    private static Action Setup<T>(T benchmarks, Action<T> setup, Action<T> step)
    {
        setup(benchmarks);
        return () => step(benchmarks);
    }
}
