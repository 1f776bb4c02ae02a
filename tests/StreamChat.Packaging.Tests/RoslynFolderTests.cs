using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// The Roslyn components come in one folder per compiler they need (analyzers/dotnet/roslynX.Y/cs): each folder's DLLs
/// reference no compiler newer than its name, and a consumer's build picks the right folder — the floor for a Roslyn 4.3
/// host (Unity), the newest for this machine's compiler, and only the floor for a host that loads every folder.
/// </summary>
public sealed class RoslynFolderTests
{
    private const string Floor = "roslyn4.3";
    private const string Newest = "roslyn4.8";

    [Test]
    public void Each_roslyn_folder_references_no_Microsoft_CodeAnalysis_newer_than_its_name()
    {
        using var archive = PackageArchive.Open(PackagingFixture.Packages.NupkgPath);
        var dlls = archive.Files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal) && f.EndsWith(".dll", StringComparison.Ordinal)).ToArray();
        Assert.That(dlls, Is.Not.Empty);

        foreach (var dll in dlls)
        {
            var folder = Regex.Match(dll, @"^analyzers/dotnet/roslyn(?<version>\d+\.\d+)/cs/[^/]+$");
            Assert.That(folder.Success, Is.True, $"{dll} is not in an analyzers/dotnet/roslynX.Y/cs folder");
            var ceiling = Version.Parse(folder.Groups["version"].Value + ".0.0");

            var compilerReferences = CompilerReferences(archive.ReadBytes(dll));
            Assert.That(compilerReferences, Is.Not.Empty, $"{dll} references no Microsoft.CodeAnalysis assembly");
            foreach (var (name, version) in compilerReferences)
            {
                Assert.That(version, Is.LessThanOrEqualTo(ceiling), $"{dll} references {name} {version}, newer than its folder allows");
            }
        }

        Assert.That(
            dlls.Where(d => d.Contains("/" + Floor + "/", StringComparison.Ordinal)).SelectMany(d => CompilerReferences(archive.ReadBytes(d))).Select(r => r.Version).Distinct(),
            Is.EquivalentTo(new[] { new Version(4, 3, 0, 0) }),
            "the floor build is compiled against Roslyn 4.3 exactly");
    }

    [Test]
    public async Task The_SDK_picks_roslyn4_3_for_a_Roslyn_4_3_compiler_and_roslyn4_8_for_this_machines_compiler()
    {
        var consumer = ConsumerProject.Create(PackagingFixture.Packages, "System.Console.WriteLine();");

        Assert.That(await PackageAnalyzersAsync(consumer, "-p:CompilerApiVersion=roslyn4.3"), Is.EquivalentTo(new[]
        {
            Floor + "/cs/StreamChat.Analyzers.dll",
            Floor + "/cs/StreamChat.Generators.dll",
        }));
        Assert.That(await PackageAnalyzersAsync(consumer), Is.EquivalentTo(new[]
        {
            Newest + "/cs/StreamChat.Analyzers.CodeFixes.dll",
            Newest + "/cs/StreamChat.Analyzers.dll",
            Newest + "/cs/StreamChat.Generators.dll",
        }));
    }

    [Test]
    public async Task A_host_without_Roslyn_component_versioning_that_adds_every_folder_keeps_only_roslyn4_3()
    {
        // What packages.config does in an old-style project: every analyzer DLL of the package becomes an Analyzer item.
        // (NuGetPackageRoot has no trailing slash here.)
        var consumer = ConsumerProject.Create(PackagingFixture.Packages, "System.Console.WriteLine();");
        File.WriteAllText(Path.Combine(consumer.Directory, "Directory.Build.targets"), """
            <Project>
              <ItemGroup>
                <Analyzer Include="$([MSBuild]::EnsureTrailingSlash('$(NuGetPackageRoot)'))streamchat.client/*/analyzers/dotnet/**/*.dll" />
              </ItemGroup>
            </Project>
            """);

        var analyzers = await PackageAnalyzersAsync(consumer, "-p:SupportsRoslynComponentVersioning=false");

        Assert.That(analyzers, Is.EquivalentTo(new[]
        {
            Floor + "/cs/StreamChat.Analyzers.dll",
            Floor + "/cs/StreamChat.Generators.dll",
        }));
    }

    private static List<(string Name, Version Version)> CompilerReferences(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences.Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => (Name: reader.GetString(reference.Name), reference.Version))
            .Where(reference => reference.Name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>The StreamChat.Client analyzer DLLs the build resolves, as <c>roslynX.Y/cs/Name.dll</c>.</summary>
    private static async Task<string[]> PackageAnalyzersAsync(ConsumerProject consumer, params string[] properties)
    {
        var arguments = new[] { "msbuild", "-restore", "-getItem:Analyzer", "-t:ResolvePackageDependenciesForBuild", "-nologo" }.Concat(properties).ToArray();
        var result = await DotnetCli.RunAsync(consumer.Directory, arguments);
        Assert.That(result.ExitCode, Is.Zero, result.ToString);

        using var json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        return json.RootElement.GetProperty("Items").GetProperty("Analyzer").EnumerateArray()
            .Select(item => item.GetProperty("FullPath").GetString()!.Replace('\\', '/'))
            .Select(path => Regex.Match(path, @"/streamchat\.client/[^/]+/analyzers/dotnet/(?<rest>.+)$", RegexOptions.IgnoreCase))
            .Where(match => match.Success)
            .Select(match => match.Groups["rest"].Value)
            .ToArray();
    }
}
