using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace StreamChat.Docs.Tests;

/// <summary>Every file and folder of the repository (build output, dependencies and git's own folder left out), by path from the root.</summary>
internal sealed class RepositoryIndex
{
    private static readonly string[] Skipped = { "bin", "obj", ".git", "node_modules", "TestResults", "artifacts", "BenchmarkDotNet.Artifacts" };

    private readonly HashSet<string> _paths;

    public RepositoryIndex(string root) =>
        _paths = Walk(root, root).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Whether the repository has <paramref name="path"/> from its root, or as the end of one of its paths: a guide about a
    /// folder names its files from there (<c>js/package.json</c> in the conformance tests' section).
    /// </summary>
    public bool Has(string path)
    {
        var trimmed = path.TrimEnd('/');
        return _paths.Contains(trimmed) || _paths.Any(candidate => candidate.EndsWith("/" + trimmed, StringComparison.Ordinal));
    }

    private static IEnumerable<string> Walk(string root, string directory)
    {
        foreach (var file in Directory.GetFiles(directory))
        {
            yield return Path.GetRelativePath(root, file).Replace('\\', '/');
        }

        foreach (var child in Directory.GetDirectories(directory).Where(d => !Skipped.Contains(Path.GetFileName(d), StringComparer.Ordinal)))
        {
            yield return Path.GetRelativePath(root, child).Replace('\\', '/');
            foreach (var path in Walk(root, child))
            {
                yield return path;
            }
        }
    }
}
