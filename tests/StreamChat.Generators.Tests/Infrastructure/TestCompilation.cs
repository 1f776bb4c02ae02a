using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>Builds compilations the way a consumer project compiles: .NET 8 references, StreamChat.Client, nullable on, warnings as errors.</summary>
internal static class TestCompilation
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    public static ImmutableArray<MetadataReference> References { get; } =
        [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(StreamChat.Token).Assembly.Location)];

    public static CSharpCompilation Create(params string[] sources) => Create(ParseOptions, sources);

    public static CSharpCompilation Create(CSharpParseOptions parseOptions, params string[] sources) =>
        Create(sources.Select((source, i) => ($"Source{i}.cs", source)), parseOptions);

    /// <summary>A compilation of the given files, each at its path.</summary>
    public static CSharpCompilation Create(IEnumerable<(string Path, string Source)> files, CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            "Consumer",
            files.Select(file => CSharpSyntaxTree.ParseText(file.Source, parseOptions ?? ParseOptions, path: file.Path)),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                warningLevel: 9999));

    /// <summary>
    /// The diagnostics that would fail a build: everything but hidden and info ones. Missing XML docs (CS1591) count
    /// only in generated files: the test inputs are not documented, the generated code must be.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Where(d => d.Id != "CS1591" || !d.Location.GetLineSpan().Path.StartsWith("Source", System.StringComparison.Ordinal))
            .ToList();
}
