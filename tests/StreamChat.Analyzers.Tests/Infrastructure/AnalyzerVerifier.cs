using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>Runs an analyzer on sources whose expected diagnostics are marked inline ({|SCHAT001:…|}).</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static Task VerifyAsync(string source, TestBuild? build = null, params string[] additionalSources)
    {
        var test = Create(build ?? TestBuild.Release);
        test.TestCode = source;
        foreach (var additional in additionalSources)
        {
            test.TestState.Sources.Add(additional);
        }

        return test.RunAsync();
    }

    public static CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> Create(TestBuild build)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.None,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", build.GlobalConfig()));
        test.SolutionTransforms.Add((solution, projectId) => build.Apply(solution, projectId));
        return test;
    }
}
