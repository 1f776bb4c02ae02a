using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>How the project under test is built: configuration name, optimization, DEBUG symbol and the opt-out.</summary>
public sealed record TestBuild(string? Configuration, bool Optimized, bool DefineDebug, bool AllowDevelopmentTokens = false)
{
    public static TestBuild Release { get; } = new("Release", Optimized: true, DefineDebug: false);

    public static TestBuild Debug { get; } = new("Debug", Optimized: false, DefineDebug: true);

    /// <summary>The analyzer config the package's props produce (CompilerVisibleProperty → build_property.*).</summary>
    public string GlobalConfig()
    {
        var lines = new List<string> { "is_global = true" };
        if (Configuration is not null)
        {
            lines.Add($"build_property.Configuration = {Configuration}");
        }

        if (AllowDevelopmentTokens)
        {
            lines.Add("build_property.StreamChatAllowDevelopmentTokens = true");
        }

        return string.Join("\n", lines) + "\n";
    }

    public Solution Apply(Solution solution, ProjectId projectId)
    {
        var project = solution.GetProject(projectId)!;
        var compilationOptions = ((CSharpCompilationOptions)project.CompilationOptions!)
            .WithOptimizationLevel(Optimized ? OptimizationLevel.Release : OptimizationLevel.Debug);
        var parseOptions = ((CSharpParseOptions)project.ParseOptions!)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithPreprocessorSymbols(DefineDebug ? new[] { "DEBUG", "TRACE" } : new[] { "TRACE" });
        return solution
            .WithProjectCompilationOptions(projectId, compilationOptions)
            .WithProjectParseOptions(projectId, parseOptions);
    }
}

/// <summary>Offline references: the .NET 8 reference assemblies from Basic.Reference.Assemblies plus StreamChat.Client and StreamChat.Server.</summary>
internal static class TestReferences
{
    // A framework name without a package: the testing library resolves nothing and downloads nothing.
    public static ReferenceAssemblies None { get; } = new("net8.0");

    public static ImmutableArray<MetadataReference> All { get; } = Basic.Reference.Assemblies.Net80.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(global::StreamChat.Token).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(global::StreamChat.Server.UserTokenIssuer).Assembly.Location))
        .ToImmutableArray();
}
