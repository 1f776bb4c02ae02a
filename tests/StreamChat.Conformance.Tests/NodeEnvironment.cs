using System;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// Installs the pinned npm packages once per test run (<c>npm ci</c> from the committed package-lock.json) into the test
/// output folder, so the suite runs on a fresh machine. A marker holding the lock file's hash skips the install when the
/// folder already has exactly those packages.
/// </summary>
[SetUpFixture]
public sealed class NodeEnvironment
{
    private const string Marker = ".streamchat-lock-sha256";

    // Guards against a stuck install only.
    private static readonly TimeSpan InstallGuard = TimeSpan.FromMinutes(5);

    /// <summary>The folder holding package.json, the scenarios and node_modules.</summary>
    public static string ScriptsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "js");

    /// <summary>The oldest Node.js major version the pinned stream-chat supports (its engines field).</summary>
    private const int MinimumNodeMajor = 18;

    [OneTimeSetUp]
    public async Task InstallAsync()
    {
        await EnsureNodeAsync();
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(ScriptsDirectory, "package-lock.json"))));
        var markerPath = Path.Combine(ScriptsDirectory, "node_modules", Marker);
        if (File.Exists(markerPath) && await File.ReadAllTextAsync(markerPath) == lockHash)
        {
            return;
        }

        var (exitCode, output) = await RunAsync(NpmCommand(), "ci --ignore-scripts --no-audit --no-fund");
        if (exitCode != 0)
        {
            Assert.Fail($"npm ci failed with exit code {exitCode} in {ScriptsDirectory}:\n{output}");
        }

        await File.WriteAllTextAsync(markerPath, lockHash);
    }

    private static async Task EnsureNodeAsync()
    {
        string version;
        try
        {
            var (exitCode, output) = await RunAsync("node", "--version");
            version = exitCode == 0 ? output.Trim() : string.Empty;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            version = string.Empty;
        }

        // "v20.20.2" → 20
        var major = version.StartsWith('v') && int.TryParse(version.AsSpan(1, Math.Max(0, version.IndexOf('.') - 1)), out var parsed) ? parsed : 0;
        if (major < MinimumNodeMajor)
        {
            Assert.Fail($"The conformance tests need Node.js {MinimumNodeMajor} or newer and npm on the PATH (found: '{version}').");
        }
    }

    private static string NpmCommand() => OperatingSystem.IsWindows() ? "npm.cmd" : "npm";

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string arguments)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = ScriptsDirectory,
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
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {arguments} did not finish within {InstallGuard}.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
