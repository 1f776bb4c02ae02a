using System;
using System.Diagnostics;

namespace StreamChat.Benchmarks;

/// <summary>
/// Tools for finding where the time goes. <c>--profile NAME SECONDS</c> runs one benchmark method in a tight loop for a
/// sampling profiler (<c>DOTNET_PerfMapEnabled=1 perf record -g dotnet StreamChat.Benchmarks.dll --profile generated 20</c>);
/// <c>--compare A B SECONDS</c> prints the interleaved ratio of two of them (<see cref="Interleaved"/>).
/// </summary>
internal static class ProfileLoop
{
    public static int Run(string name, double seconds)
    {
        if (!BenchmarkLoops.TryCreate(name, out var step))
        {
            Console.Error.WriteLine($"Unknown loop '{name}'; one of: {string.Join(", ", BenchmarkLoops.Names)}.");
            return 2;
        }

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

    public static int Compare(string candidate, string reference, double seconds)
    {
        if (!BenchmarkLoops.TryCreate(candidate, out var a) || !BenchmarkLoops.TryCreate(reference, out var b))
        {
            Console.Error.WriteLine($"Unknown loop; one of: {string.Join(", ", BenchmarkLoops.Names)}.");
            return 2;
        }

        Console.WriteLine($"{candidate} / {reference}: {Interleaved.Measure(a, b, TimeSpan.FromSeconds(seconds))}");
        return 0;
    }
}
