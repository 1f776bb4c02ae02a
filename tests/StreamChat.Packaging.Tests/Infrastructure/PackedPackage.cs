using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>
/// The real StreamChat.Client nupkg, packed with <c>dotnet pack</c> from a copy of the repository (so builds of the
/// working tree running at the same time are not disturbed) into a local feed, under a version no cache holds.
/// </summary>
internal sealed class PackedPackage
{
    private static readonly SemaphoreSlim PackGate = new(1, 1);

    private readonly Dictionary<string, Task<string>> _packs = new(StringComparer.Ordinal);

    private static readonly string[] SkippedDirectories = { "bin", "obj", ".git", "TestResults", "node_modules", "artifacts", "BenchmarkDotNet.Artifacts" };

    private PackedPackage(string workDirectory, string feed, string version, string nupkgPath)
    {
        WorkDirectory = workDirectory;
        Feed = feed;
        Version = version;
        NupkgPath = nupkgPath;
    }

    public const string Id = "StreamChat.Client";

    public string WorkDirectory { get; }

    public string Feed { get; }

    public string Version { get; }

    public string NupkgPath { get; }

    public static async Task<PackedPackage> PackAsync(string repositoryRoot)
    {
        var work = Path.Combine(Path.GetTempPath(), "streamchat-packaging-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(work, "repo");
        var feed = Path.Combine(work, "feed");
        CopyDirectory(repositoryRoot, source);
        Directory.CreateDirectory(feed);

        var version = "0.0.0-packaging." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);
        var result = await DotnetCli.RunAsync(
            source, "pack", Path.Combine("src", "StreamChat.Client"), "-c", "Release", "-o", feed, "-p:Version=" + version, "--disable-build-servers");
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(result.ToString());
        }

        var packages = Directory.GetFiles(feed, "*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException($"dotnet pack produced {packages.Length} packages instead of one: {string.Join(", ", packages.Select(Path.GetFileName))}\n{result}");
        }

        return new PackedPackage(work, feed, version, packages[0]);
    }

    /// <summary>
    /// Packs another project of the repository copy into the same feed under the same version (once per project), so
    /// a consumer can restore packages that depend on each other. Returns the nupkg's path.
    /// </summary>
    public Task<string> PackProjectAsync(string projectDirectory)
    {
        lock (_packs)
        {
            if (!_packs.TryGetValue(projectDirectory, out var pack))
            {
                _packs[projectDirectory] = pack = PackProjectOnceAsync(projectDirectory);
            }

            return pack;
        }
    }

    public void Delete()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private async Task<string> PackProjectOnceAsync(string projectDirectory)
    {
        // One pack at a time: the projects share the build output of the repository copy.
        await PackGate.WaitAsync();
        try
        {
            var before = Directory.GetFiles(Feed, "*.nupkg");
            var result = await DotnetCli.RunAsync(
                Path.Combine(WorkDirectory, "repo"), "pack", projectDirectory, "-c", "Release", "-o", Feed, "-p:Version=" + Version, "--disable-build-servers");
            var packed = Directory.GetFiles(Feed, "*.nupkg").Except(before).ToArray();
            if (result.ExitCode != 0 || packed.Length != 1)
            {
                throw new InvalidOperationException($"dotnet pack {projectDirectory} produced {packed.Length} new package(s):\n{result}");
            }

            return packed[0];
        }
        finally
        {
            PackGate.Release();
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            if (!file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(directory);
            if (!SkippedDirectories.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                CopyDirectory(directory, Path.Combine(to, name));
            }
        }
    }
}
