using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>
/// The references of a netstandard2.0 consumer: netstandard.dll and its facades, StreamChat.Client's netstandard2.0
/// build, and the packages that build depends on, found through the restore's assets file (no hard-coded versions).
/// </summary>
internal static class NetStandardReferences
{
    public static IReadOnlyList<MetadataReference> All { get; } = Load();

    private static IReadOnlyList<MetadataReference> Load()
    {
        var client = Path.Combine(RepositoryPaths.Root, "src", "StreamChat.Client");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var paths = new List<string> { Path.Combine(client, "bin", configuration, "netstandard2.0", "StreamChat.Client.dll") };

        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(client, "obj", "project.assets.json")));
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var libraries = assets.RootElement.GetProperty("libraries");
        foreach (var package in assets.RootElement.GetProperty("targets").GetProperty("netstandard2.0").EnumerateObject())
        {
            var folder = Path.Combine(packageFolder, libraries.GetProperty(package.Name).GetProperty("path").GetString()!);
            if (package.Name.StartsWith("NETStandard.Library/", StringComparison.Ordinal))
            {
                paths.AddRange(Directory.GetFiles(Path.Combine(folder, "build", "netstandard2.0", "ref"), "*.dll"));
            }
            else if (package.Value.TryGetProperty("compile", out var compile))
            {
                paths.AddRange(compile.EnumerateObject().Where(c => c.Name.EndsWith(".dll", StringComparison.Ordinal)).Select(c => Path.Combine(folder, c.Name)));
            }
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
