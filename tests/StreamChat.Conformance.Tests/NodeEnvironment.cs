using System;
using System.IO;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// Installs the pinned npm packages once per test run (<c>npm ci</c> from the committed package-lock.json) into the test
/// output folder, so the suite runs on a fresh machine (<see cref="NodePackages"/>, shared with the benchmarks).
/// </summary>
[SetUpFixture]
public sealed class NodeEnvironment
{
    /// <summary>The folder holding package.json, the scenarios and node_modules.</summary>
    public static string ScriptsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "js");

    [OneTimeSetUp]
    public async Task InstallAsync()
    {
        try
        {
            await NodePackages.EnsureInstalledAsync(ScriptsDirectory);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            Assert.Fail(e.Message);
        }
    }
}
