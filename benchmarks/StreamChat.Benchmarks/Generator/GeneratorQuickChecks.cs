using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Benchmarks.Quick;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// The generator and analyzers on 1,000 claims records, for <c>--quick</c>. DESIGN §7 sets one target (every step
/// cached after an unrelated edit); the times are reported beside it.
/// </summary>
internal sealed class GeneratorQuickChecks : IQuickCheckGroup
{
    public string Name => "generator and analyzers, 1,000 claims records";

    public async Task<IReadOnlyList<QuickCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var result = await GeneratorScaleMeasurement.MeasureAsync(runs: 1, cancellationToken).ConfigureAwait(false);
        return
        [
            new("steady state after an unrelated edit: every step Cached/Unchanged", "all", result.SteadyStateAllCached ? "all" : "some step ran again", result.SteadyStateAllCached),
            QuickCheck.Info("cold run", $"{result.Cold.TotalMilliseconds:N0} ms"),
            QuickCheck.Info("steady state, new compilation ÷ cold", $"{result.SteadyState.TotalMilliseconds:N0} ms, {result.SteadyState / result.Cold:F2}"),
            QuickCheck.Info("steady state, symbols already built ÷ cold", $"{result.SteadyStateSymbolsBuilt.TotalMilliseconds:N0} ms, {result.SteadyStateSymbolsBuilt / result.Cold:F2}"),
            QuickCheck.Info("analyzers ÷ the compiler's own time", $"{result.AnalyzersTotal.TotalMilliseconds:N0} ms ÷ {result.Compiler.TotalMilliseconds:N0} ms = {result.AnalyzersTotal / result.Compiler:F3}"),
        ];
    }
}
