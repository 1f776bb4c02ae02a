using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>What the generator and the analyzers cost on the 1,000-record corpus; medians of a few runs after a warm-up.</summary>
/// <param name="GeneratedFiles">Files the generator wrote.</param>
/// <param name="Cold">A new driver on a fresh compilation.</param>
/// <param name="SteadyState">The warm driver after an unrelated edit, on the new compilation (symbols built afresh).</param>
/// <param name="SteadyStateSymbolsBuilt">The same, on a compilation whose symbols exist already: the transforms alone.</param>
/// <param name="SteadyStateAllCached">Whether that run left every named step and output Cached/Unchanged.</param>
/// <param name="Analysis">The wall time of one sequential analysis: the compiler binding everything, and the analyzers.</param>
/// <param name="Analyzers">Each analyzer's own time within it (the compiler's telemetry, as <c>/reportAnalyzer</c> prints).</param>
internal sealed record GeneratorScaleResult(
    int GeneratedFiles,
    TimeSpan Cold,
    TimeSpan SteadyState,
    TimeSpan SteadyStateSymbolsBuilt,
    bool SteadyStateAllCached,
    TimeSpan Analysis,
    IReadOnlyList<(string Analyzer, TimeSpan Time)> Analyzers)
{
    /// <summary>All four analyzers together.</summary>
    public TimeSpan AnalyzersTotal => TimeSpan.FromTicks(Analyzers.Sum(a => a.Time.Ticks));

    /// <summary>The compiler's own share of <see cref="Analysis"/>.</summary>
    public TimeSpan Compiler => Analysis - AnalyzersTotal;
}

/// <summary>Times the generator and the analyzers on <see cref="ClaimsRecordCorpus"/> without BenchmarkDotNet (quick mode, analyzer table).</summary>
internal static class GeneratorScaleMeasurement
{
    public static async Task<GeneratorScaleResult> MeasureAsync(int runs, CancellationToken cancellationToken)
    {
        var compilation = ScaleCompilation.Create();
        var warm = ScaleCompilation.NewDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var generated = warm.GetRunResult().GeneratedTrees.Length;
        var edited = ScaleCompilation.Edit(compilation, ClaimsRecordCorpus.UnrelatedPath, ClaimsRecordCorpus.Unrelated(1));

        var cold = Median(runs, () => ScaleCompilation.NewDriver().RunGenerators(compilation.Clone()));
        var steady = Median(runs, () => warm.RunGenerators(edited.Clone()));
        var transformsOnly = Median(runs * 5, () => warm.RunGenerators(edited));
        var tracked = ScaleCompilation.NewDriver(track: true).RunGenerators(compilation).RunGenerators(edited).GetRunResult().Results.Single();

        var analyses = new List<(TimeSpan Wall, IReadOnlyList<TimeSpan> PerAnalyzer)>();
        for (var i = 0; i <= runs; i++)
        {
            analyses.Add(await AnalyzeAsync(output, cancellationToken).ConfigureAwait(false));
        }

        var measured = analyses.Skip(1).ToList(); // the first run warms up
        var perAnalyzer = ScaleCompilation.Analyzers()
            .Select((analyzer, index) => (analyzer.GetType().Name, MedianOf(measured.Select(run => run.PerAnalyzer[index]))))
            .ToList();
        return new GeneratorScaleResult(generated, cold, steady, transformsOnly, ScaleCompilation.EveryStepCached(tracked), MedianOf(measured.Select(run => run.Wall)), perAnalyzer);
    }

    // Sequential, so each analyzer's time is its own; on the records and their generated code, as in a build.
    private static async Task<(TimeSpan Wall, IReadOnlyList<TimeSpan> PerAnalyzer)> AnalyzeAsync(Compilation output, CancellationToken cancellationToken)
    {
        var analyzers = ScaleCompilation.Analyzers();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var start = Stopwatch.GetTimestamp();
        var result = await output.Clone().WithAnalyzers(analyzers, options).GetAnalysisResultAsync(cancellationToken).ConfigureAwait(false);
        var wall = Stopwatch.GetElapsedTime(start);
        var findings = result.GetAllDiagnostics();
        if (!findings.IsEmpty)
        {
            throw new InvalidOperationException($"The corpus must be clean; the analyzers found: {findings[0]}");
        }

        return (wall, analyzers.Select(a => result.AnalyzerTelemetryInfo[a].ExecutionTime).ToList());
    }

    private static TimeSpan Median(int runs, Action action)
    {
        action(); // JIT and first-use caches
        var times = new List<TimeSpan>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start));
        }

        return MedianOf(times);
    }

    private static TimeSpan MedianOf(IEnumerable<TimeSpan> times)
    {
        var sorted = times.OrderBy(t => t).ToList();
        return sorted[sorted.Count / 2];
    }
}
