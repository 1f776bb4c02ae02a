using System.Collections.Generic;
using System.Linq;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>Broken and half-typed sources never make the generator or the analyzer throw (no CS8785, no AD0001).</summary>
public sealed class RobustnessTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        MalformedSources.All.Select(c => new TestCaseData(c.Source).SetArgDisplayNames(c.Name));

    [Test]
    public void The_corpus_has_at_least_40_sources() => Assert.That(MalformedSources.All, Has.Count.GreaterThanOrEqualTo(40));

    [TestCaseSource(nameof(Cases))]
    public void The_generator_and_analyzer_survive_malformed_source(string source)
    {
        var compilation = TestCompilation.Create(source);

        var run = GeneratorRunner.Run(compilation);
        var (diagnostics, exceptions) = GeneratorRunner.Analyze(compilation);

        Assert.That(run.Result.Results.Select(r => r.Exception), Has.All.Null);
        Assert.That(run.DriverDiagnostics.Select(d => d.ToString()), Is.Empty, "no CS8784/CS8785");
        Assert.That(exceptions.Select(e => e.ToString()), Is.Empty, "no analyzer exception (AD0001)");
        Assert.That(diagnostics.Where(d => d.Id == "AD0001"), Is.Empty);

        // Whatever was generated for the parts that are valid adds no problem of its own.
        var generatedTrees = run.Sources.Select(s => s.SyntaxTree).ToHashSet();
        Assert.That(
            TestCompilation.Problems(run.Output).Where(d => d.Location.SourceTree is { } tree && generatedTrees.Contains(tree)).Select(d => d.ToString()),
            Is.Empty);
    }
}
