using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// Every assembly built from this repository can be debugged from the package: its PDB is in the symbol package (the
/// Roslyn components embed theirs), built deterministically, and SourceLink maps each source file to the repository's
/// address at the packed commit, where that file exists.
/// </summary>
public sealed class SymbolPackageTests
{
    private static PackedPackages Packed => PackagingFixture.Packages;

    [TestCaseSource(typeof(PackageMetadataTests), nameof(PackageMetadataTests.Packages))]
    public void Symbol_package_has_the_pdb_of_every_assembly_built_here_or_the_assembly_embeds_it(string id)
    {
        Assert.That(File.Exists(Packed.Snupkg(id)), Is.True, $"{id} has no .snupkg beside its .nupkg");
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        using var symbols = PackageArchive.Open(Packed.Snupkg(id));
        var assemblies = OwnAssemblies(package).ToArray();

        Assert.That(assemblies, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var dll in assemblies)
            {
                var pdb = Path.ChangeExtension(dll, ".pdb");
                Assert.That(symbols.Contains(pdb) || PortablePdb.ReadEmbedded(package.ReadBytes(dll)) is not null, Is.True, $"{id}: no PDB for {dll}");
                Assert.That(DebugDirectory.IsReproducible(package.ReadBytes(dll)), Is.True, $"{id}: {dll} was not built deterministically");
            }

            Assert.That(symbols.Files.Where(f => !f.EndsWith(".nuspec", StringComparison.Ordinal)), Has.All.EndsWith(".pdb"));
        });
    }

    [TestCaseSource(typeof(PackageMetadataTests), nameof(PackageMetadataTests.Packages))]
    public void SourceLink_maps_every_source_file_to_the_repository_at_the_packed_commit(string id)
    {
        var expected = new Dictionary<string, string> { ["/_/*"] = RepositoryAddress.RawFiles(RepositoryFiles.RepositoryUrl, Packed.Commit) + "*" };
        var pdbs = Pdbs(id).ToArray();

        Assert.That(pdbs, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (name, pdb) in pdbs)
            {
                Assert.That(pdb.SourceLink, Is.Not.Null, $"{id}: {name} has no SourceLink");
                var map = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(pdb.SourceLink!)!["documents"];
                Assert.That(map, Is.EqualTo(expected), $"{id}: {name}");

                // Files the build wrote (obj/…) are embedded in the PDB; every other one must be in the commit.
                foreach (var document in pdb.Documents.Where(d => !d.SourceEmbedded))
                {
                    Assert.That(document.Path, Does.StartWith("/_/"), $"{id}: {name}");
                    Assert.That(File.Exists(Path.Combine(Packed.Source, document.Path["/_/".Length..])), Is.True, $"{id}: {name} names {document.Path}, which the commit does not have");
                }
            }
        });
    }

    /// <summary>The PDBs of the package: those in its symbol package and those embedded in its own assemblies.</summary>
    internal static IEnumerable<(string Name, PortablePdb Pdb)> Pdbs(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        using var symbols = PackageArchive.Open(Packed.Snupkg(id));
        foreach (var name in symbols.Files.Where(f => f.EndsWith(".pdb", StringComparison.Ordinal)))
        {
            yield return (name, PortablePdb.Read(symbols.ReadBytes(name)));
        }

        foreach (var dll in OwnAssemblies(package))
        {
            if (PortablePdb.ReadEmbedded(package.ReadBytes(dll)) is { } embedded)
            {
                yield return (dll + " (embedded)", embedded);
            }
        }
    }

    /// <summary>The assemblies built from this repository (a tool package also carries its dependencies').</summary>
    internal static IEnumerable<string> OwnAssemblies(PackageArchive package) =>
        package.Files.Where(f => f.EndsWith(".dll", StringComparison.Ordinal) && Path.GetFileName(f).StartsWith("StreamChat.", StringComparison.Ordinal));
}
