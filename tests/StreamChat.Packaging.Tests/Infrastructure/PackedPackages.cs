using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>
/// Every package of the repository (each <c>IsPackable</c> project), packed the way a release is: <c>dotnet pack -c Release</c>
/// in a git repository, into a local feed, under a version no cache holds; with <c>CI</c> unset, as on a laptop. The repository is a copy of the working tree
/// committed into a fresh git repository, so builds of the working tree running at the same time are not disturbed,
/// uncommitted edits are packed too, and SourceLink and the nuspec get a real commit.
/// </summary>
internal sealed class PackedPackages
{
    public const string ClientId = "StreamChat.Client";

    private static readonly string[] SkippedDirectories = { "bin", "obj", ".git", "TestResults", "node_modules", "artifacts", "BenchmarkDotNet.Artifacts" };

    private readonly IReadOnlyDictionary<string, string> _nupkgs;

    private PackedPackages(string workDirectory, string version, string commit, IReadOnlyDictionary<string, string> nupkgs)
    {
        WorkDirectory = workDirectory;
        Version = version;
        Commit = commit;
        _nupkgs = nupkgs;
    }

    /// <summary>The temporary folder holding the repository copy, the feed and the consumers.</summary>
    public string WorkDirectory { get; }

    /// <summary>The repository copy that was packed.</summary>
    public string Source => Path.Combine(WorkDirectory, "repo");

    /// <summary>The local feed: every nupkg and snupkg.</summary>
    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string Version { get; }

    /// <summary>The commit of <see cref="Source"/> the packages were built from.</summary>
    public string Commit { get; }

    /// <summary>The package ids, ordinal order.</summary>
    public IEnumerable<string> Ids => _nupkgs.Keys.OrderBy(id => id, StringComparer.Ordinal);

    /// <summary>The StreamChat.Client nupkg.</summary>
    public string NupkgPath => Nupkg(ClientId);

    public string Nupkg(string id) => _nupkgs[id];

    /// <summary>The symbol package beside <paramref name="id"/>'s nupkg (it may be missing: the tests check).</summary>
    public string Snupkg(string id) => Path.ChangeExtension(_nupkgs[id], ".snupkg");

    /// <summary>Packs every packable project, or only <paramref name="projects"/> (paths relative to the repository root).</summary>
    public static async Task<PackedPackages> PackAsync(string repositoryRoot, params string[] projects)
    {
        var work = Path.Combine(Path.GetTempPath(), "streamchat-packaging-" + Guid.NewGuid().ToString("N"));
        var source = Path.Combine(work, "repo");
        var feed = Path.Combine(work, "feed");
        CopyDirectory(repositoryRoot, source);
        Directory.CreateDirectory(feed);
        var commit = await CommitAllAsync(source);

        // One pack of a solution filter holding the packable projects: one restore and one build of what they share.
        projects = projects.Length > 0 ? projects : PackableProjects(source);
        File.WriteAllText(Path.Combine(source, "packages.slnf"), JsonSerializer.Serialize(new
        {
            solution = new { path = "StreamChat.Generated.sln", projects },
        }));

        // CI emptied: what is checked is what anyone's Release pack gives, not only the CI server's (CI=true).
        var version = "0.0.0-packaging." + DateTime.UtcNow.ToString("yyyyMMddHHmmss") + "." + Guid.NewGuid().ToString("N").Substring(0, 8);
        var result = await DotnetCli.RunAsync(
            source, new Dictionary<string, string> { ["CI"] = string.Empty }, "pack", "packages.slnf", "-c", "Release", "-o", feed, "-p:Version=" + version, "--disable-build-servers");
        var suffix = "." + version + ".nupkg";
        var nupkgs = Directory.GetFiles(feed, "*" + suffix).ToDictionary(path => Path.GetFileName(path)[..^suffix.Length], StringComparer.Ordinal);
        if (result.ExitCode != 0 || nupkgs.Count != projects.Length)
        {
            throw new InvalidOperationException($"dotnet pack made {nupkgs.Count} packages of {projects.Length} packable projects ({string.Join(", ", projects)}):\n{result}");
        }

        return new PackedPackages(work, version, commit, nupkgs);
    }

    public void Delete()
    {
        if (Directory.Exists(WorkDirectory))
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private static string[] PackableProjects(string source) =>
        Directory.GetFiles(source, "*.csproj", SearchOption.AllDirectories)
            .Where(project => Regex.IsMatch(File.ReadAllText(project), @"<IsPackable>\s*true\s*</IsPackable>"))
            .Select(project => Path.GetRelativePath(source, project).Replace('\\', '/'))
            .OrderBy(project => project, StringComparer.Ordinal)
            .ToArray();

    private static async Task<string> CommitAllAsync(string directory)
    {
        var identity = new[] { "-c", "user.name=StreamChat packaging tests", "-c", "user.email=packaging@example.invalid", "-c", "commit.gpgsign=false" };
        await GitAsync(directory, "init", "-q");
        await GitAsync(directory, "add", "-A");
        await GitAsync(directory, identity.Concat(new[] { "commit", "-q", "-m", "The working tree, packed by the packaging tests" }).ToArray());
        return (await GitAsync(directory, "rev-parse", "HEAD")).Output.Trim();
    }

    private static async Task<CliResult> GitAsync(string directory, params string[] arguments)
    {
        var result = await DotnetCli.RunProgramAsync("git", directory, new Dictionary<string, string>(), arguments);
        return result.ExitCode == 0 ? result : throw new InvalidOperationException(result.ToString());
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            // A worktree's .git is a file pointing at the real repository: never carry it into the copy.
            if (!file.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase) && Path.GetFileName(file) != ".git")
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
