using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Unity.Tests;

/// <summary>StreamChat.Client packed once for all of this project's tests (a set-up fixture of the root namespace), and what the tests take out of the nupkg.</summary>
[SetUpFixture]
public sealed class PackedClient
{
    internal static PackedPackages Packages { get; private set; } = null!;

    /// <summary>Where the nupkg's analyzers/dotnet/roslyn4.3/cs and lib/netstandard2.0 were extracted.</summary>
    internal static string Extracted { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task PackAsync()
    {
        Packages = await PackedPackages.PackAsync(RepositoryFiles.Root, "src/StreamChat.Client/StreamChat.Client.csproj");
        Extracted = Path.Combine(Packages.WorkDirectory, "extracted");
        using var archive = PackageArchive.Open(Packages.NupkgPath);
        foreach (var entry in archive.Files.Where(f => f.StartsWith("analyzers/", StringComparison.Ordinal) || f.StartsWith("lib/netstandard2.0/", StringComparison.Ordinal)))
        {
            var path = Path.Combine(Extracted, entry);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, archive.ReadBytes(entry));
        }
    }

    [OneTimeTearDown]
    public void Delete() => Packages?.Delete();

    internal static string Roslyn43Folder => Path.Combine(Extracted, "analyzers", "dotnet", "roslyn4.3", "cs");

    internal static string Roslyn48Folder => Path.Combine(Extracted, "analyzers", "dotnet", "roslyn4.8", "cs");

    /// <summary>What a Unity project compiles against: .NET Standard 2.1, the packed netstandard2.0 client, its dependencies.</summary>
    internal static IReadOnlyList<MetadataReference> UnityReferences(bool includeClient = true)
    {
        var paths = Directory.GetFiles(Metadata("NetStandard21References"), "*.dll").ToList();
        paths.AddRange(Metadata("ClientDependencies").Split(';').SelectMany(folder => Directory.GetFiles(folder, "*.dll")));
        if (includeClient)
        {
            paths.Add(Path.Combine(Extracted, "lib", "netstandard2.0", "StreamChat.Client.dll"));
        }

        return paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    private static string Metadata(string key) => typeof(PackedClient).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>The packed roslyn4.3 folder loaded as a compiler loads it: one AnalyzerFileReference per DLL, failures collected.</summary>
internal sealed class LoadedComponents
{
    private LoadedComponents(IReadOnlyList<ISourceGenerator> generators, IReadOnlyList<DiagnosticAnalyzer> analyzers, IReadOnlyList<string> failures)
    {
        Generators = generators;
        Analyzers = analyzers;
        LoadFailures = failures;
    }

    public IReadOnlyList<ISourceGenerator> Generators { get; }

    public IReadOnlyList<DiagnosticAnalyzer> Analyzers { get; }

    /// <summary>Every AnalyzerLoadFailed report (ReferencesNewerCompiler, a missing type, ...).</summary>
    public IReadOnlyList<string> LoadFailures { get; }

    public static LoadedComponents Load(string folder)
    {
        var failures = new List<string>();
        var generators = new List<ISourceGenerator>();
        var analyzers = new List<DiagnosticAnalyzer>();
        var loader = new FolderLoader();
        foreach (var dll in Directory.GetFiles(folder, "*.dll").OrderBy(p => p, StringComparer.Ordinal))
        {
            var reference = new AnalyzerFileReference(dll, loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{Path.GetFileName(dll)}: {e.ErrorCode} {e.Message} {e.Exception}");
            generators.AddRange(reference.GetGenerators(LanguageNames.CSharp));
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp));
        }

        return new LoadedComponents(generators, analyzers, failures);
    }

    /// <summary>Loads each component into a context of its own; Microsoft.CodeAnalysis comes from this process (4.3.1).</summary>
    private sealed class FolderLoader : IAnalyzerAssemblyLoader
    {
        private readonly AssemblyLoadContext _context = new("StreamChat.Unity.Tests.Components");

        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => _context.LoadFromAssemblyPath(fullPath);
    }
}
