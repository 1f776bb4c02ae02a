using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamChat.Tests.Shared;

/// <summary>
/// One consumer, written in C# 9 (Unity's language), that trips every kind of SCHAT rule, and the diagnostics expected
/// in a debug and a release build without the package's build properties (as Unity compiles: release is the optimized
/// compilation). tests/StreamChat.Analyzers.Tests runs it on the current compiler with the built components,
/// tests/StreamChat.Unity.Tests on Roslyn 4.3.1 with the packed roslyn4.3 folder: both must give these lists.
/// </summary>
internal static class AnalyzerMatrix
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp9, DocumentationMode.Parse);

    public static readonly (string Path, string Source)[] Files =
    {
        ("Login.cs", """
            using StreamChat;
            using StreamChat.Claims;
            using StreamChat.Jwt;

            namespace Game
            {
                [TokenClaims]
                public partial record PlayerClaims(string UserId, int Level);

                public static class Login
                {
                    public static TokenProvider Development() => TokenProvider.Development("player");

                    public static TokenProvider Fixed(Token token) => TokenProvider.Static(token);

                    public static TokenProvider Typed() => PlayerClaimsTokenProvider.Development(new PlayerClaims("player", 1));

                    public static int Level(Token token) => PlayerClaims.FromToken(token).Level;

                    public static string Committed() => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiam9obiJ9.devtoken";

                    public static JwtSigningKey Key() => new JwtSigningKey("0123456789abcdef0123456789abcdef");
                }
            }
            """),
        ("Invalid.cs", """
            using StreamChat.Claims;

            namespace Game
            {
                [TokenClaims]
                public record NotPartial(string UserId);

                [TokenClaims]
                public partial record NoUserId(int Level);
            }
            """),
    };

    /// <summary>Flagged in every build: the credentials and the invalid records.</summary>
    public static readonly string[] Debug =
    {
        "Invalid.cs(6,19): SCHAT101",
        "Invalid.cs(9,27): SCHAT103",
        "Login.cs(20,45): SCHAT003",
        "Login.cs(22,64): SCHAT004",
    };

    /// <summary>An optimized build also flags the development and static token APIs.</summary>
    public static readonly string[] Release = Debug.Concat(new[]
    {
        "Login.cs(12,54): SCHAT001",
        "Login.cs(14,59): SCHAT002",
        "Login.cs(16,48): SCHAT001",
    }).OrderBy(d => d, System.StringComparer.Ordinal).ToArray();

    /// <summary>The consumer over <paramref name="references"/>, optimized or not, with warnings as errors like a real build.</summary>
    public static CSharpCompilation Compilation(IEnumerable<MetadataReference> references, bool optimized) =>
        CSharpCompilation.Create(
            "Game",
            Files.Select(file => CSharpSyntaxTree.ParseText(file.Source, ParseOptions, path: file.Path)),
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: optimized ? OptimizationLevel.Release : OptimizationLevel.Debug,
                nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>
    /// Runs the generators, then the analyzers over the result, with no analyzer config (no build properties). Returns the
    /// SCHAT diagnostics in the consumer's own files, as <c>File.cs(line,column): ID</c>, and everything that went wrong
    /// on the way: generator exceptions, analyzer exceptions (AD0001), and compiler errors outside the invalid records.
    /// </summary>
    public static (string[] Diagnostics, string[] Failures) Run(CSharpCompilation compilation, IEnumerable<ISourceGenerator> generators, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var failures = new List<string>();
        CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        failures.AddRange(generatorDiagnostics.Select(d => "generator: " + d));

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, _) => { lock (failures) { failures.Add($"AD0001 {analyzer}: {exception}"); } },
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var all = output.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();

        // The records that are not partial or have no user id get no generated code, so nothing refers to them: the
        // compiler has nothing to say but the SCHAT rules do.
        failures.AddRange(all.Where(d => d.Id == "AD0001" || (d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("SCHAT", System.StringComparison.Ordinal)))
            .Select(d => d.ToString()));
        var diagnostics = all.Where(d => d.Id.StartsWith("SCHAT", System.StringComparison.Ordinal))
            .Select(Format)
            .OrderBy(d => d, System.StringComparer.Ordinal)
            .ToArray();
        return (diagnostics, failures.ToArray());
    }

    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.Id}";
    }
}
