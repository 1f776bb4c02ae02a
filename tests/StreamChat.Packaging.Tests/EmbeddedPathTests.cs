using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// No file of a package or its symbols embeds a path of the machine that packed it: the repository copy, the working
/// tree it came from and the NuGet package folder are searched for in every file (as UTF-8 and UTF-16, in embedded
/// PDBs uncompressed), and every path a PDB or a DLL records is mapped to <c>/_/</c>. The packages are packed in Release
/// with CI unset, as on a laptop: Release builds always map their paths (Directory.Build.props), not only CI builds.
/// </summary>
public sealed class EmbeddedPathTests
{
    private static PackedPackages Packed => PackagingFixture.Packages;

    [TestCaseSource(typeof(PackageMetadataTests), nameof(PackageMetadataTests.Packages))]
    public void No_file_of_the_package_or_its_symbols_contains_a_build_machine_path(string id)
    {
        var needles = MachinePaths().SelectMany(path => new[] { Encoding.UTF8.GetBytes(path), Encoding.Unicode.GetBytes(path) }).ToArray();
        var found = new List<string>();
        foreach (var file in new[] { Packed.Nupkg(id), Packed.Snupkg(id) })
        {
            using var package = PackageArchive.Open(file);
            foreach (var name in package.Files)
            {
                var bytes = package.ReadBytes(name);
                var embedded = name.EndsWith(".dll", StringComparison.Ordinal) ? PortablePdb.ReadEmbedded(bytes)?.Bytes : null;
                if (needles.Any(needle => bytes.AsSpan().IndexOf(needle) >= 0 || (embedded is not null && embedded.AsSpan().IndexOf(needle) >= 0)))
                {
                    found.Add($"{Path.GetFileName(file)}: {name}");
                }
            }
        }

        Assert.That(found, Is.Empty, "these files contain a path of the machine that packed them: " + string.Join(", ", MachinePaths()));
    }

    [TestCaseSource(typeof(PackageMetadataTests), nameof(PackageMetadataTests.Packages))]
    public void Every_path_a_pdb_or_an_assembly_records_is_mapped(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        var assemblies = SymbolPackageTests.OwnAssemblies(package).ToArray();

        Assert.Multiple(() =>
        {
            foreach (var dll in assemblies)
            {
                // A PDB embedded in its DLL is recorded by its file name alone.
                Assert.That(DebugDirectory.PdbPath(package.ReadBytes(dll)), Does.StartWith("/_/").Or.Not.Contain("/"), $"{id}: the PDB path {dll} records");
            }

            foreach (var (name, pdb) in SymbolPackageTests.Pdbs(id))
            {
                Assert.That(pdb.Documents.Select(d => d.Path), Has.All.StartWith("/_/"), $"{id}: the source paths {name} records");
            }
        });
    }

    private static IEnumerable<string> MachinePaths()
    {
        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        return new[] { Packed.WorkDirectory, RepositoryFiles.Root, packages }.Select(path => Path.TrimEndingDirectorySeparator(path));
    }
}
