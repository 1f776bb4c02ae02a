using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace StreamChat.Packaging.Tests;

/// <summary>One nupkg carries the runtime, the Roslyn components and the props, and depends on nothing it should not.</summary>
public sealed class PackageLayoutTests
{
    [Test]
    public void Package_carries_the_generator_analyzers_and_code_fixes_under_analyzers_dotnet_cs()
    {
        var entries = Entries();
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/StreamChat.Generators.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/StreamChat.Analyzers.dll"));
        Assert.That(entries, Does.Contain("analyzers/dotnet/cs/StreamChat.Analyzers.CodeFixes.dll"));
        Assert.That(entries.Where(e => e.StartsWith("analyzers/")), Has.All.StartWith("analyzers/dotnet/cs/"));
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
        using var archive = ZipFile.OpenRead(PackagingFixture.Package.NupkgPath);
        var build = Read(archive, "build/StreamChat.Client.props");
        Assert.That(build, Does.Contain("<CompilerVisibleProperty Include=\"Configuration\" />"));
        Assert.That(build, Does.Contain("<CompilerVisibleProperty Include=\"StreamChatAllowDevelopmentTokens\" />"));

        var transitive = Read(archive, "buildTransitive/StreamChat.Client.props");
        Assert.That(transitive, Does.Contain("..\\build\\StreamChat.Client.props"));
    }

    [Test]
    public void Targets_in_build_and_buildTransitive_turn_SCHAT001_and_SCHAT002_off_in_test_projects()
    {
        using var archive = ZipFile.OpenRead(PackagingFixture.Package.NupkgPath);
        var targets = Read(archive, "build/StreamChat.Client.targets");
        Assert.That(targets, Does.Contain("'$(IsTestProject)' == 'true'"));
        Assert.That(targets, Does.Contain("<EditorConfigFiles Include=\"$(MSBuildThisFileDirectory)StreamChat.TestProjects.globalconfig\" />"));

        var config = Read(archive, "build/StreamChat.TestProjects.globalconfig");
        Assert.That(config, Does.Contain("dotnet_diagnostic.SCHAT001.severity = none"));
        Assert.That(config, Does.Contain("dotnet_diagnostic.SCHAT002.severity = none"));

        Assert.That(Read(archive, "buildTransitive/StreamChat.Client.targets"), Does.Contain("..\\build\\StreamChat.Client.targets"));
    }

    [Test]
    public void Roslyn_components_and_build_only_packages_are_not_dependencies()
    {
        using var archive = ZipFile.OpenRead(PackagingFixture.Package.NupkgPath);
        var nuspec = XDocument.Parse(Read(archive, "StreamChat.Client.nuspec"));
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!).ToList();

        Assert.That(dependencies, Is.Not.Empty);
        Assert.That(dependencies, Has.None.StartsWith("StreamChat."));
        Assert.That(dependencies, Has.None.StartsWith("Microsoft.CodeAnalysis"));
        Assert.That(dependencies, Has.None.EqualTo("PolySharp"));
    }

    private static string[] Entries()
    {
        using var archive = ZipFile.OpenRead(PackagingFixture.Package.NupkgPath);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private static string Read(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name);
        Assert.That(entry, Is.Not.Null, $"{name} is not in the package");
        using var reader = new StreamReader(entry!.Open());
        return reader.ReadToEnd();
    }
}
