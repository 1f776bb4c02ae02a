using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Analyzers;
using StreamChat.Generators.Diagnostics;
using StreamChat.Generators.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// The generator and the analyzers on a compilation of 1,000 claims records (the corpus the benchmarks time, DESIGN §7):
/// what a steady-state run redoes is checked here through the step reasons; how long it takes is only measured there.
/// </summary>
[Category("Scale")]
public sealed class GeneratorAtScaleTests
{
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _driver = null!;
    private GeneratorRun _firstRun = null!;

    [OneTimeSetUp]
    public void RunOnTheCorpus()
    {
        _compilation = TestCompilation.Create(
            [.. ClaimsRecordCorpus.Records(), (ClaimsRecordCorpus.UnrelatedPath, ClaimsRecordCorpus.Unrelated(0))]);
        _driver = GeneratorRunner.CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out var diagnostics);
        _firstRun = new GeneratorRun(_driver.GetRunResult(), output, diagnostics);
    }

    [Test]
    public void A_thousand_records_generate_a_thousand_files_that_compile_without_a_diagnostic()
    {
        Assert.That(_firstRun.Sources, Has.Count.EqualTo(ClaimsRecordCorpus.DefaultCount));
        Assert.That(_firstRun.Sources.Select(s => s.HintName).Distinct().Count(), Is.EqualTo(ClaimsRecordCorpus.DefaultCount));
        Assert.That(_firstRun.DriverDiagnostics, Is.Empty);
        Assert.That(TestCompilation.Problems(_firstRun.Output).Select(d => d.ToString()), Is.Empty);
        Assert.That(
            Enumerable.Range(0, ClaimsRecordCorpus.DefaultCount).Select(ClaimsRecordCorpus.MetadataName).Where(name => _compilation.GetTypeByMetadataName(name) is null),
            Is.Empty,
            "the benchmarks find each record by its metadata name");
    }

    [Test]
    public void After_an_unrelated_edit_every_step_of_a_thousand_records_is_cached_or_unchanged()
    {
        var edited = Replace(ClaimsRecordCorpus.UnrelatedPath, ClaimsRecordCorpus.Unrelated(1));

        var second = _driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.That(second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Count(), Is.EqualTo(ClaimsRecordCorpus.DefaultCount));
        StepReasons.AssertEvery(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Test]
    public void Editing_one_of_a_thousand_records_regenerates_that_record_only()
    {
        const int Index = 600; // a positional record (600 % 6 == 0)
        var edited = Replace(ClaimsRecordCorpus.Records()[Index].Path, ClaimsRecordCorpus.EditedRecord(Index));

        var second = _driver.RunGenerators(edited).GetRunResult().Results.Single();

        var models = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        var outputs = second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(models.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1));
            Assert.That(models.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged), Is.EqualTo(ClaimsRecordCorpus.DefaultCount - 1));
            Assert.That(outputs.Count(r => r == IncrementalStepRunReason.Modified), Is.EqualTo(1), "one file written again");
        });
    }

    [Test]
    public void Every_analyzer_runs_on_a_thousand_records_and_their_generated_code_without_a_finding_or_an_exception()
    {
        DiagnosticAnalyzer[] analyzers = [new ClaimsRecordAnalyzer(), new TokenApiUsageAnalyzer(), new JwtLiteralAnalyzer(), new ApiSecretLiteralAnalyzer()];
        var exceptions = new System.Collections.Concurrent.ConcurrentBag<System.Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);

        // Release, so the release-only rules (SCHAT001/002) look at every call too.
        var release = _firstRun.Output.WithOptions(_firstRun.Output.Options.WithOptimizationLevel(OptimizationLevel.Release));
        var diagnostics = release.WithAnalyzers(ImmutableArray.Create(analyzers), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

        Assert.That(diagnostics.Select(d => d.ToString()), Is.Empty);
        Assert.That(exceptions, Is.Empty);
    }

    private CSharpCompilation Replace(string path, string source) =>
        _compilation.ReplaceSyntaxTree(
            _compilation.SyntaxTrees.Single(t => t.FilePath == path),
            CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: path));
}
