using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StreamChat.Analyzers.CodeFixes;
using StreamChat.Analyzers.CodeFixes.ClaimsRecords;
using StreamChat.Generators.Diagnostics;

namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>
/// Fixes a project the way <c>dotnet format analyzers</c> does, in process: one diagnostic id after another, it analyses
/// again, registers the fixes of the first diagnostic it finds (of any of the requested ids) for an equivalence key,
/// and asks the provider's <see cref="FixAllProvider"/> for one solution-wide fix of the current id.
/// </summary>
internal sealed class FormatLikeFixer
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new TokenApiUsageAnalyzer(), new JwtLiteralAnalyzer(), new ApiSecretLiteralAnalyzer(), new ClaimsRecordAnalyzer());

    private static readonly CodeFixProvider[] Fixers =
    {
        new TokenApiUsageCodeFixProvider(), new JwtLiteralCodeFixProvider(), new ApiSecretLiteralCodeFixProvider(), new ClaimsRecordCodeFixProvider(),
    };

    private readonly AdhocWorkspace _workspace = new();
    private readonly ProjectId _projectId;
    private readonly bool _nullEquivalenceKey;
    private Solution _solution;

    public FormatLikeFixer(IReadOnlyList<(string Path, string Source)> sources, bool defineDebug = false, bool nullEquivalenceKey = false)
    {
        _nullEquivalenceKey = nullEquivalenceKey;
        _projectId = ProjectId.CreateNewId();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: defineDebug ? new[] { "DEBUG", "TRACE" } : new[] { "TRACE" });
        var compilationOptions = new CSharpCompilationOptions(
            OutputKind.ConsoleApplication, optimizationLevel: defineDebug ? OptimizationLevel.Debug : OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable);
        _solution = _workspace.CurrentSolution
            .AddProject(ProjectInfo.Create(_projectId, VersionStamp.Default, "Consumer", "Consumer", LanguageNames.CSharp, filePath: "/0/Consumer.csproj")
                .WithParseOptions(parseOptions)
                .WithCompilationOptions(compilationOptions)
                .WithMetadataReferences(TestReferences.All))
            .AddAnalyzerConfigDocument(
                DocumentId.CreateNewId(_projectId),
                ".globalconfig",
                SourceText.From("is_global = true\nbuild_property.Configuration = " + (defineDebug ? "Debug" : "Release") + "\n"),
                filePath: "/0/.globalconfig");
        foreach (var (path, source) in sources)
        {
            _solution = _solution.AddDocument(DocumentId.CreateNewId(_projectId), System.IO.Path.GetFileName(path), SourceText.From(source), filePath: path);
        }
    }

    private Project Project => _solution.GetProject(_projectId)!;

    /// <summary>Fixes the ids in the given order; returns each changed file's text by path.</summary>
    public async Task<Dictionary<string, string>> FixAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken = default)
    {
        foreach (var id in ids)
        {
            var diagnostics = (await DiagnosticsAsync(cancellationToken)).Where(d => ids.Contains(d.Id)).ToList();
            var first = diagnostics.FirstOrDefault();
            if (!diagnostics.Any(d => d.Id == id) || first is null)
            {
                continue;
            }

            foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(id)))
            {
                var document = _solution.GetDocument(first.Location.SourceTree)!;
                CodeAction? action = null;
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (a, _) => action ??= a, cancellationToken));
                var context = new FixAllContext(
                    document, fixer, FixAllScope.Solution, _nullEquivalenceKey ? null! : action?.EquivalenceKey!, new[] { id }, new Provider(diagnostics), cancellationToken);
                var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
                Assert.That(fixAll, Is.Not.Null, $"{fixer.GetType().Name} returned no fix-all action for {id}");
                var operations = await fixAll!.GetOperationsAsync(cancellationToken);
                _solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            }
        }

        var texts = new Dictionary<string, string>();
        foreach (var document in Project.Documents)
        {
            texts[document.FilePath!] = (await document.GetTextAsync(cancellationToken)).ToString();
        }

        return texts;
    }

    /// <summary>The StreamChat diagnostics and the compiler errors of the project as it is now.</summary>
    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(CancellationToken cancellationToken = default)
    {
        var compilation = (await Project.GetCompilationAsync(cancellationToken))!;
        var analyzed = await compilation.WithAnalyzers(Analyzers, Project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken);
        return compilation.GetDiagnostics(cancellationToken).Where(d => d.Severity == DiagnosticSeverity.Error).Concat(analyzed).ToImmutableArray();
    }

    private sealed class Provider(IReadOnlyList<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

        // As in dotnet format, "project diagnostics" are all of the project's.
        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
