using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Analyzers.Tests.Infrastructure;
using StreamChat.Generators;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// The real claims generator's output: calls of the generated Development, Static and ToDevelopmentToken are flagged
/// through their marker attributes, the generated code itself is not, and the generated Closure is fine.
/// </summary>
public sealed class GeneratedFactoryTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using StreamChat;
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId);

        public static class Connect
        {
            public static TokenProvider Development(ChatClaims claims) => ChatClaimsTokenProvider.Development(claims);
            public static TokenProvider Fixed(Token token) => ChatClaimsTokenProvider.Static(token);
            public static Token DevelopmentToken(ChatClaims claims) => claims.ToDevelopmentToken();
            public static TokenProvider Backend() => ChatClaimsTokenProvider.Closure(ct => Task.FromResult(Token.Anonymous));
        }
        """;

    [Test]
    public async Task Calls_of_generated_development_and_static_factories_are_flagged_in_release_builds()
    {
        var diagnostics = await AnalyzeGeneratedAsync(OptimizationLevel.Release);

        var found = diagnostics.Select(d => (d.Id, Line: d.Location.GetLineSpan().StartLinePosition.Line + 1, d.Location.SourceTree!.FilePath)).ToList();
        Assert.That(found, Is.EquivalentTo(new[]
        {
            ("SCHAT001", 12, "/0/Test0.cs"),
            ("SCHAT002", 13, "/0/Test0.cs"),
            ("SCHAT001", 14, "/0/Test0.cs"),
        }));
    }

    [Test]
    public async Task Calls_of_generated_factories_are_not_flagged_in_debug_builds()
    {
        var diagnostics = await AnalyzeGeneratedAsync(OptimizationLevel.Debug);

        Assert.That(diagnostics, Is.Empty);
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeGeneratedAsync(OptimizationLevel optimization)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "GeneratedFactories",
            new[] { CSharpSyntaxTree.ParseText(Source, parseOptions, path: "/0/Test0.cs") },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: optimization, nullableContextOptions: NullableContextOptions.Enable));

        CSharpGeneratorDriver.Create(new[] { new TokenClaimsGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);

        Assert.That(generatorDiagnostics, Is.Empty);
        Assert.That(generated.SyntaxTrees.Count(), Is.GreaterThan(1), "the generator produced no code");
        Assert.That(generated.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);

        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TokenApiUsageAnalyzer());
        return await generated.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty))
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }
}
