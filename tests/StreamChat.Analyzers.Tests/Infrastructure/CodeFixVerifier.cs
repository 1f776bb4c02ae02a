using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>Applies a code fix and checks the result compiles with no diagnostics of any kind left.</summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, TestBuild? build = null) =>
        Create(source, fixedSource, build ?? TestBuild.Release).RunAsync();

    public static CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier> Create(string source, string fixedSource, TestBuild build)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", build.GlobalConfig()));
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", build.GlobalConfig()));

        // Diagnostics a fix leaves behind are marked in the fixed source too.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.SolutionTransforms.Add((solution, projectId) => build.Apply(solution, projectId));
        return test;
    }
}
