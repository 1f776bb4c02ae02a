using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Tests.Shared;

namespace StreamChat.Unity.Tests;

/// <summary>
/// Issue 19: the packed analyzers/dotnet/roslyn4.3/cs folder on the compiler of Unity 2022.3.12f1+ and Unity 6
/// (Microsoft.CodeAnalysis.CSharp 4.3.1): it loads, generates code that compiles at C# 9 over .NET Standard 2.1, and
/// every rule reports what it reports on the current compiler (tests/Shared/AnalyzerMatrix.cs).
/// </summary>
public sealed class Roslyn43Tests
{
    private const string PlayerRecord = """
        using System;
        using StreamChat;
        using StreamChat.Claims;

        namespace Game
        {
            public enum Team { Red, Blue }

            [TokenClaims]
            public partial record PlayerClaims(string UserId, int Level, Team Team)
            {
                public DateTimeOffset? JoinedAt { get; init; }
            }

            public static class Use
            {
                public static PlayerClaims Read(Token token) => PlayerClaims.FromToken(token);

                public static TokenProvider Provider(Func<System.Threading.CancellationToken, System.Threading.Tasks.Task<Token>> fetch) =>
                    PlayerClaimsTokenProvider.Closure(fetch);
            }
        }
        """;

    // The .NET SDK suppresses these two (netstandard 2.0 references unified with 2.1); so does Unity.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkSuppressed = ImmutableDictionary<string, ReportDiagnostic>.Empty
        .Add("CS1701", ReportDiagnostic.Suppress).Add("CS1702", ReportDiagnostic.Suppress);

    private static LoadedComponents Components => LoadedComponents.Load(PackedClient.Roslyn43Folder);

    [Test]
    public void This_test_runs_on_Roslyn_4_3()
    {
        Assert.That(typeof(CSharpCompilation).Assembly.GetName().Version, Is.EqualTo(new Version(4, 3, 0, 0)));
    }

    [Test]
    public void The_roslyn4_3_folder_loads_with_the_generator_and_every_analyzer()
    {
        var components = Components;

        Assert.That(components.LoadFailures, Is.Empty);
        Assert.That(components.Generators.Select(g => g.GetType().Name), Is.EqualTo(new[] { "IncrementalGeneratorWrapper" }).Or.Contains("TokenClaimsGenerator"));
        Assert.That(
            components.Analyzers.Select(a => a.GetType().Name).OrderBy(n => n, StringComparer.Ordinal),
            Is.EqualTo(new[] { "ApiSecretLiteralAnalyzer", "ClaimsRecordAnalyzer", "JwtLiteralAnalyzer", "TokenApiUsageAnalyzer" }));
    }

    [Test]
    public void The_roslyn4_8_folder_does_not_load_on_Roslyn_4_3_which_is_why_the_floor_build_exists()
    {
        var components = LoadedComponents.Load(PackedClient.Roslyn48Folder);

        Assert.That(components.LoadFailures, Is.Not.Empty);
        Assert.That(components.LoadFailures, Has.All.Contains(nameof(AnalyzerLoadFailureEventArgs.FailureErrorCode.ReferencesNewerCompiler)));
    }

    [Test]
    public void Generated_code_compiles_at_CSharp_9_over_netstandard2_1_with_no_diagnostic_and_no_hand_written_IsExternalInit()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp9, DocumentationMode.Diagnose);
        var compilation = CSharpCompilation.Create(
            "Game",
            new[] { CSharpSyntaxTree.ParseText(PlayerRecord, parseOptions, path: "Player.cs") },
            PackedClient.UnityReferences(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, generalDiagnosticOption: ReportDiagnostic.Error)
                .WithSpecificDiagnosticOptions(SdkSuppressed));
        Assert.That(compilation.GetDiagnostics().Select(d => d.Id), Does.Contain("CS0518"), "without the generator the record lacks IsExternalInit");

        CSharpGeneratorDriver.Create(Components.Generators, parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);

        Assert.That(generatorDiagnostics, Is.Empty);
        Assert.That(output.SyntaxTrees.Select(t => System.IO.Path.GetFileName(t.FilePath)), Does.Contain("System.Runtime.CompilerServices.IsExternalInit.g.cs"));
        // Missing XML docs count only in generated files: the test's own source is not documented, the generated code must be.
        Assert.That(
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && !(d.Id == "CS1591" && d.Location.GetLineSpan().Path == "Player.cs")).Select(d => d.ToString()),
            Is.Empty);
    }

    [TestCase(false, TestName = "On Roslyn 4.3, an unoptimized build without build properties flags what the current compiler flags")]
    [TestCase(true, TestName = "On Roslyn 4.3, an optimized build without build properties flags what the current compiler flags")]
    public void The_analyzer_matrix_matches_the_current_compiler(bool optimized)
    {
        var components = Components;

        var (diagnostics, failures) = AnalyzerMatrix.Run(
            AnalyzerMatrix.Compilation(PackedClient.UnityReferences(), optimized),
            components.Generators,
            components.Analyzers.ToImmutableArray());

        Assert.That(components.LoadFailures, Is.Empty);
        Assert.That(failures, Is.Empty);
        Assert.That(diagnostics, Is.EqualTo(optimized ? AnalyzerMatrix.Release : AnalyzerMatrix.Debug));
    }
}
