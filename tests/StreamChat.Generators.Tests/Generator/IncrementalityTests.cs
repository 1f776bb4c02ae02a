using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>The pipeline caches: re-runs after no change or an unrelated edit redo nothing, and no step keeps Roslyn objects alive.</summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = "namespace MyApp; public class Unrelated { }";
    private const string UnrelatedEdited = "namespace MyApp; public class Unrelated { public int Added { get; set; } }";

    [Test]
    public void A_second_run_on_an_unchanged_compilation_leaves_every_step_cached()
    {
        var compilation = TestCompilation.Create(SnapshotCases.AllSupportedTypes, SnapshotCases.RecordStruct, Unrelated);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);

        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        StepReasons.AssertEvery(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Test]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(SnapshotCases.AllSupportedTypes, SnapshotCases.RecordStruct, Unrelated);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText(UnrelatedEdited, TestCompilation.ParseOptions, path: "Source2.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        StepReasons.AssertEvery(second, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Test]
    public void Editing_one_record_regenerates_only_that_record()
    {
        var compilation = TestCompilation.Create(SnapshotCases.MinimalRecord, SnapshotCases.RecordStruct);
        var driver = GeneratorRunner.CreateDriver().RunGenerators(compilation);

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.First(),
            CSharpSyntaxTree.ParseText(SnapshotCases.MinimalRecord.Replace("string UserId)", "string UserId, int Level)"), TestCompilation.ParseOptions, path: "Source0.cs"));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = second.TrackedSteps[TrackingNames.Models].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.That(reasons, Does.Contain(IncrementalStepRunReason.Modified));
        Assert.That(reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged), Is.EqualTo(1));
    }

    [Test]
    public void No_step_output_holds_a_symbol_syntax_node_semantic_model_or_compilation()
    {
        var compilation = TestCompilation.Create([.. SnapshotCases.All.Values]);
        var result = GeneratorRunner.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

        var outputs = StepReasons.StepNames.SelectMany(name => result.TrackedSteps[name])
            .Concat(result.TrackedOutputSteps.SelectMany(s => s.Value))
            .SelectMany(step => step.Outputs)
            .ToList();

        Assert.That(outputs, Is.Not.Empty);
        foreach (var (value, _) in outputs)
        {
            Assert.That(RoslynObjectFinder.Find(value), Is.Null);
        }
    }

    [Test]
    public void The_leak_check_finds_a_Roslyn_object_nested_in_a_model()
    {
        var compilation = TestCompilation.Create(SnapshotCases.MinimalRecord);
        var holder = new { Items = new object[] { 1, ("x", new List<object> { compilation.GlobalNamespace }) } };

        Assert.That(RoslynObjectFinder.Find(holder), Does.Contain("Symbol"));
    }
}
