using System.Linq;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>One nupkg carries the runtime, the Roslyn components and the props, and depends on nothing it should not.</summary>
public sealed class PackageLayoutTests
{
    [Test]
    public void Package_carries_the_Roslyn_4_3_build_without_code_fixes_and_the_Roslyn_4_8_build_with_them()
    {
        var analyzers = Entries().Where(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal)).ToArray();
        Assert.That(analyzers, Is.EquivalentTo(new[]
        {
            "analyzers/dotnet/roslyn4.3/cs/StreamChat.Generators.dll",
            "analyzers/dotnet/roslyn4.3/cs/StreamChat.Analyzers.dll",
            "analyzers/dotnet/roslyn4.8/cs/StreamChat.Generators.dll",
            "analyzers/dotnet/roslyn4.8/cs/StreamChat.Analyzers.dll",
            "analyzers/dotnet/roslyn4.8/cs/StreamChat.Analyzers.CodeFixes.dll",
        }));
    }

    [Test]
    public void Package_carries_the_runtime_for_both_target_frameworks()
    {
        var entries = Entries();
        Assert.That(entries, Does.Contain("lib/net8.0/StreamChat.Client.dll"));
        Assert.That(entries, Does.Contain("lib/netstandard2.0/StreamChat.Client.dll"));
    }

    [Test]
    public void Props_in_build_and_buildTransitive_make_the_analyzer_properties_compiler_visible()
    {
        using var archive = PackageArchive.Open(PackagingFixture.Packages.NupkgPath);
        var build = archive.ReadText("build/StreamChat.Client.props");
        Assert.That(build, Does.Contain("<CompilerVisibleProperty Include=\"Configuration\" />"));
        Assert.That(build, Does.Contain("<CompilerVisibleProperty Include=\"StreamChatAllowDevelopmentTokens\" />"));

        var transitive = archive.ReadText("buildTransitive/StreamChat.Client.props");
        Assert.That(transitive, Does.Contain("..\\build\\StreamChat.Client.props"));
    }

    [Test]
    public void Targets_in_build_and_buildTransitive_turn_SCHAT001_and_SCHAT002_off_in_test_projects()
    {
        using var archive = PackageArchive.Open(PackagingFixture.Packages.NupkgPath);
        var targets = archive.ReadText("build/StreamChat.Client.targets");
        Assert.That(targets, Does.Contain("'$(IsTestProject)' == 'true'"));
        Assert.That(targets, Does.Contain("<EditorConfigFiles Include=\"$(MSBuildThisFileDirectory)StreamChat.TestProjects.globalconfig\" />"));

        var config = archive.ReadText("build/StreamChat.TestProjects.globalconfig");
        Assert.That(config, Does.Contain("dotnet_diagnostic.SCHAT001.severity = none"));
        Assert.That(config, Does.Contain("dotnet_diagnostic.SCHAT002.severity = none"));

        Assert.That(archive.ReadText("buildTransitive/StreamChat.Client.targets"), Does.Contain("..\\build\\StreamChat.Client.targets"));
    }

    [Test]
    public void Roslyn_components_and_build_only_packages_are_not_dependencies()
    {
        using var archive = PackageArchive.Open(PackagingFixture.Packages.NupkgPath);
        var dependencies = archive.Metadata().Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();

        Assert.That(dependencies, Is.Not.Empty);
        Assert.That(dependencies, Has.None.StartsWith("StreamChat."));
        Assert.That(dependencies, Has.None.StartsWith("Microsoft.CodeAnalysis"));
        Assert.That(dependencies, Has.None.EqualTo("PolySharp"));
    }

    private static string[] Entries()
    {
        using var archive = PackageArchive.Open(PackagingFixture.Packages.NupkgPath);
        return archive.Files.ToArray();
    }
}
