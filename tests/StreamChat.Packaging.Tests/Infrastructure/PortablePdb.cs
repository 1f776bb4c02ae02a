using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>A source document a PDB names: its path as recorded, and whether its text is embedded in the PDB.</summary>
internal sealed record PdbDocument(string Path, bool SourceEmbedded);

/// <summary>What a portable PDB (a .pdb file, or one embedded in a DLL) records about the sources.</summary>
internal sealed class PortablePdb
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private PortablePdb(IReadOnlyList<PdbDocument> documents, string? sourceLink, byte[] bytes)
    {
        Documents = documents;
        SourceLink = sourceLink;
        Bytes = bytes;
    }

    public IReadOnlyList<PdbDocument> Documents { get; }

    /// <summary>The SourceLink JSON, or null when there is none.</summary>
    public string? SourceLink { get; }

    /// <summary>The PDB's bytes, uncompressed (an embedded PDB is compressed inside its DLL).</summary>
    public byte[] Bytes { get; }

    public static PortablePdb Read(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        var embedded = new HashSet<DocumentHandle>();
        string? sourceLink = null;
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            var kind = reader.GetGuid(information.Kind);
            if (kind == SourceLinkKind)
            {
                sourceLink = Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
            else if (kind == EmbeddedSourceKind && information.Parent.Kind == HandleKind.Document)
            {
                embedded.Add((DocumentHandle)information.Parent);
            }
        }

        var documents = reader.Documents.Select(handle => new PdbDocument(reader.GetString(reader.GetDocument(handle).Name), embedded.Contains(handle))).ToArray();
        return new PortablePdb(documents, sourceLink, pdb);
    }

    /// <summary>The PDB embedded in <paramref name="dll"/>, or null when it has none.</summary>
    public static PortablePdb? ReadEmbedded(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var entry = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
        if (entry.DataSize == 0)
        {
            return null;
        }

        // The entry is "MPDB", the PDB's size (4 bytes) and the PDB deflated.
        using var deflated = new DeflateStream(new MemoryStream(dll, entry.DataPointer + 8, entry.DataSize - 8), CompressionMode.Decompress);
        using var pdb = new MemoryStream();
        deflated.CopyTo(pdb);
        return Read(pdb.ToArray());
    }
}

/// <summary>What a DLL's debug directory says: where its PDB was written, and whether it was built deterministically.</summary>
internal static class DebugDirectory
{
    /// <summary>The PDB path recorded in the CodeView entry, or null when there is none.</summary>
    public static string? PdbPath(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        var codeView = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.CodeView);
        return codeView.DataSize == 0 ? null : pe.ReadCodeViewDebugDirectoryData(codeView).Path;
    }

    public static bool IsReproducible(byte[] dll)
    {
        using var pe = new PEReader(new MemoryStream(dll));
        return pe.ReadDebugDirectory().Any(e => e.Type == DebugDirectoryEntryType.Reproducible);
    }
}
