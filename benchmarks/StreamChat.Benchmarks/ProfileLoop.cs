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

    /// <summary>
    /// Times two loops in alternating short rounds and prints the median ratio of their times per call: neighbours on a
    /// shared machine slow both sides of a round alike, so the ratio holds where absolute times do not.
    /// </summary>
    public static int Compare(string candidate, string reference, double seconds)
    {
        if (!Loops.TryGetValue(candidate, out var makeCandidate) || !Loops.TryGetValue(reference, out var makeReference))
        {
            Console.Error.WriteLine($"Unknown loop; one of: {string.Join(", ", Loops.Keys)}.");
            return 2;
        }

        Action a = makeCandidate(), b = makeReference();
        var ratios = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds)
        {
            var ta = Time(a);
            var tb = Time(b);
            ratios.Add(ta / tb);
        }

        ratios.Sort();
        Console.WriteLine($"{candidate} / {reference}: median {ratios[ratios.Count / 2]:F3}, quartiles {ratios[ratios.Count / 4]:F3}..{ratios[ratios.Count * 3 / 4]:F3} over {ratios.Count} rounds");
        return 0;

        static double Time(Action step)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 1000; i++)
            {
                step();
            }

            return watch.Elapsed.TotalMilliseconds;
        }
    }

    private static Action Setup<T>(T benchmarks, Action<T> setup, Action<T> step)
    {
        setup(benchmarks);
        return () => step(benchmarks);
    }
}
