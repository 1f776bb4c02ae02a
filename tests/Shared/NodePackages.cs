using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Tests.Shared;

/// <summary>
/// Node.js and the pinned npm packages for the runs that drive the official JavaScript client: checks that node is new
/// enough, then installs the packages of a folder's committed package-lock.json (<c>npm ci</c>) unless a marker holding the
/// lock file's hash says the folder has exactly those already, so a fresh machine needs nothing by hand. Linked into the
/// conformance tests and the benchmarks.
/// </summary>
internal static class NodePackages
{
    /// <summary>The oldest Node.js major version the pinned stream-chat supports (its engines field).</summary>
    public const int MinimumNodeMajor = 18;

    private const string Marker = ".streamchat-lock-sha256";

    // Guards against a stuck install only.
    private static readonly TimeSpan InstallGuard = TimeSpan.FromMinutes(5);

    /// <summary>Checks node and runs <c>npm ci</c> in <paramref name="directory"/> when its node_modules does not match the lock file.</summary>
    /// <returns>The node version, for example <c>v20.20.2</c>.</returns>
    /// <exception cref="InvalidOperationException">Node.js is missing or too old, or npm ci failed (the message has npm's output).</exception>
    public static async Task<string> EnsureInstalledAsync(string directory)
    {
        var version = await NodeVersionAsync(directory).ConfigureAwait(false);
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(directory, "package-lock.json")).ConfigureAwait(false)));
        var markerPath = Path.Combine(directory, "node_modules", Marker);
        if (File.Exists(markerPath) && await File.ReadAllTextAsync(markerPath).ConfigureAwait(false) == lockHash)
        {
            return version;
        }

        var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
        var (exitCode, output) = await RunAsync(npm, "ci --ignore-scripts --no-audit --no-fund", directory).ConfigureAwait(false);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {exitCode} in {directory}:\n{output}");
        }

        await File.WriteAllTextAsync(markerPath, lockHash).ConfigureAwait(false);
        return version;
    }

    private static async Task<string> NodeVersionAsync(string directory)
    {
        string version;
        try
        {
            var (exitCode, output) = await RunAsync("node", "--version", directory).ConfigureAwait(false);
            version = exitCode == 0 ? output.Trim() : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            version = string.Empty;
        }

        // "v20.20.2" → 20
        var major = version.StartsWith('v') && int.TryParse(version.AsSpan(1, Math.Max(0, version.IndexOf('.') - 1)), out var parsed) ? parsed : 0;
        return major >= MinimumNodeMajor
            ? version
            : throw new InvalidOperationException($"Node.js {MinimumNodeMajor} or newer and npm are needed on the PATH (found: '{version}').");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments, string directory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(InstallGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {InstallGuard}.");
        }

        return (process.ExitCode, await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false));
    }
}
