using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Analyzers.Tests.Infrastructure;
using StreamChat.Generators;
using StreamChat.Generators.Diagnostics;
using StreamChat.Tests.Shared;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// The shared analyzer matrix (tests/Shared/AnalyzerMatrix.cs) on this compiler with the built components: the lists
/// tests/StreamChat.Unity.Tests holds the packed Roslyn 4.3 build to.
/// </summary>
public sealed class AnalyzerMatrixTests
{
    private static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
        new TokenApiUsageAnalyzer(), new JwtLiteralAnalyzer(), new ApiSecretLiteralAnalyzer(), new ClaimsRecordAnalyzer());

    [TestCase(false, TestName = "Without build properties, an unoptimized build flags the credentials and the invalid records")]
    [TestCase(true, TestName = "Without build properties, an optimized build also flags development and static tokens")]
    public void The_matrix_gives_the_shared_expectations(bool optimized)
    {
        var (diagnostics, failures) = AnalyzerMatrix.Run(
            AnalyzerMatrix.Compilation(TestReferences.All, optimized),
            new[] { new TokenClaimsGenerator().AsSourceGenerator() },
            Analyzers);

        Assert.That(failures, Is.Empty);
        Assert.That(diagnostics, Is.EqualTo(optimized ? AnalyzerMatrix.Release : AnalyzerMatrix.Debug));
    }
}
