using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// The generator on 1,000 claims records (DESIGN §7). Cold: a new driver on a fresh compilation. Steady state after an
/// unrelated edit, as each keystroke makes it: the warm driver on a new compilation (every step Cached/Unchanged, checked by
/// GeneratorAtScaleTests, but Roslyn runs every <c>ForAttributeWithMetadataName</c> transform again on a new compilation,
/// and the records' symbols are built afresh), and the same run once those symbols exist (the transforms alone).
/// </summary>
public class GeneratorAtScaleBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _unrelatedEdit = null!;
    private CSharpCompilation _oneRecordEdit = null!;
    private GeneratorDriver _warm = null!;

    [GlobalSetup]
    public void Setup()
    {
        _compilation = ScaleCompilation.Create();
        _warm = ScaleCompilation.NewDriver().RunGenerators(_compilation);
        _unrelatedEdit = ScaleCompilation.Edit(_compilation, ClaimsRecordCorpus.UnrelatedPath, ClaimsRecordCorpus.Unrelated(1));
        _oneRecordEdit = ScaleCompilation.Edit(_compilation, ClaimsRecordCorpus.Records()[600].Path, ClaimsRecordCorpus.EditedRecord(600));
    }

    [Benchmark(Baseline = true, Description = "cold: new driver, new compilation")]
    public GeneratorDriver Cold() => ScaleCompilation.NewDriver().RunGenerators(_compilation.Clone());

    [Benchmark(Description = "steady state: unrelated edit, new compilation")]
    public GeneratorDriver SteadyState() => _warm.RunGenerators(_unrelatedEdit.Clone());

    [Benchmark(Description = "steady state: unrelated edit, symbols already built")]
    public GeneratorDriver SteadyStateTransformsOnly() => _warm.RunGenerators(_unrelatedEdit);

    [Benchmark(Description = "one record edited, new compilation")]
    public GeneratorDriver OneRecordEdited() => _warm.RunGenerators(_oneRecordEdit.Clone());

    /// <summary>
    /// Not the generator: the compiler building what its transforms read (each record's type, attributes, members and
    /// their attributes) on a new compilation, to show how much of a steady-state run is the compiler's own symbol work.
    /// </summary>
    [Benchmark(Description = "reference, no generator: the records' symbols on a new compilation")]
    public int RecordSymbolsOnly()
    {
        var compilation = _unrelatedEdit.Clone();
        var count = 0;
        for (var i = 0; i < ClaimsRecordCorpus.DefaultCount; i++)
        {
            var type = compilation.GetTypeByMetadataName(ClaimsRecordCorpus.MetadataName(i))!;
            count += type.GetAttributes().Length;
            foreach (var member in type.GetMembers())
            {
                count += member.GetAttributes().Length;
            }
        }

        return count;
    }
}
