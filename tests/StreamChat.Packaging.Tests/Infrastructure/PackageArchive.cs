using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>Reads a nupkg or snupkg: its entries and its nuspec.</summary>
internal sealed class PackageArchive : IDisposable
{
    private readonly ZipArchive _archive;

    private PackageArchive(ZipArchive archive) => _archive = archive;

    public static PackageArchive Open(string path) => new(ZipFile.OpenRead(path));

    /// <summary>The entries' paths, without NuGet's own bookkeeping (<c>_rels/</c>, <c>package/</c>, <c>[Content_Types].xml</c>).</summary>
    public IEnumerable<string> Files => _archive.Entries.Select(e => e.FullName)
        .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal) && !name.StartsWith("package/", StringComparison.Ordinal) && name != "[Content_Types].xml");

    public bool Contains(string name) => _archive.GetEntry(name) is not null;

    public byte[] ReadBytes(string name)
    {
        var entry = _archive.GetEntry(name) ?? throw new AssertionException($"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public string ReadText(string name)
    {
        var entry = _archive.GetEntry(name) ?? throw new AssertionException($"{name} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The nuspec's <c>metadata</c> element.</summary>
    public XElement Metadata()
    {
        var nuspec = Files.Single(name => name.EndsWith(".nuspec", StringComparison.Ordinal) && !name.Contains('/'));
        return XDocument.Parse(ReadText(nuspec)).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public void Dispose() => _archive.Dispose();
}

/// <summary>Reads a nuspec element by its local name (nuspecs come in several XML namespaces).</summary>
internal static class NuspecElements
{
    public static XElement? Child(this XElement parent, string localName) => parent.Elements().SingleOrDefault(e => e.Name.LocalName == localName);
}
