using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// The compilation of <see cref="ClaimsRecordCorpus"/> as a consumer project compiles it (.NET 8 references,
/// StreamChat.Client, nullable on), and generator drivers over it as the compiler creates them.
/// </summary>
internal static class ScaleCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly string[] StepNames = [.. typeof(TrackingNames).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    /// <summary>The corpus with <see cref="ClaimsRecordCorpus.DefaultCount"/> records and the unrelated file.</summary>
    public static CSharpCompilation Create() =>
        CSharpCompilation.Create(
            "Consumer",
            ClaimsRecordCorpus.Records()
                .Append((Path: ClaimsRecordCorpus.UnrelatedPath, Source: ClaimsRecordCorpus.Unrelated(0)))
                .Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, path: file.Path)),
            [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(Token).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    /// <summary>A new driver, as a build starts one; <paramref name="track"/> records step reasons (tests and checks only: it costs time).</summary>
    public static GeneratorDriver NewDriver(bool track = false) =>
        CSharpGeneratorDriver.Create(
            [new TokenClaimsGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary><paramref name="compilation"/> with the file at <paramref name="path"/> replaced by <paramref name="source"/>.</summary>
    public static CSharpCompilation Edit(CSharpCompilation compilation, string path, string source) =>
        compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(t => t.FilePath == path),
            CSharpSyntaxTree.ParseText(source, ParseOptions, path: path));

    /// <summary>
    /// Whether every step the generator names (<see cref="TrackingNames"/>) and every source output of <paramref name="result"/>
    /// was cached or unchanged: the check of GeneratorAtScaleTests (the framework's own steps of an edited file do run again).
    /// </summary>
    public static bool EveryStepCached(GeneratorRunResult result) =>
        StepNames.All(result.TrackedSteps.ContainsKey)
        && StepNames.SelectMany(name => result.TrackedSteps[name])
            .Concat(result.TrackedOutputSteps.Values.SelectMany(steps => steps))
            .SelectMany(step => step.Outputs)
            .All(output => output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);

    /// <summary>The analyzers a consumer gets with the package: the generator assembly's and StreamChat.Analyzers'.</summary>
    public static ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers() =>
    [
        new StreamChat.Generators.Diagnostics.ClaimsRecordAnalyzer(),
        new StreamChat.Analyzers.TokenApiUsageAnalyzer(),
        new StreamChat.Analyzers.JwtLiteralAnalyzer(),
        new StreamChat.Analyzers.ApiSecretLiteralAnalyzer(),
    ];
}
