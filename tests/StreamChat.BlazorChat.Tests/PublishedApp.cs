using System;
using System.Collections;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Tests.Shared;

namespace StreamChat.BlazorChat.Tests;

/// <summary>
/// Once per run: publishes samples/BlazorChat in Release (trimmed, as users ship it) and starts one headless Chromium
/// (Debian's, through <c>ExecutablePath</c>: Playwright's own download needs the internet). Every test gets its own
/// contexts. A missing browser or a failed publish fails every test with what to do; neither is a skip.
/// </summary>
[SetUpFixture]
public sealed class PublishedApp
{
    private static readonly TimeSpan PublishGuard = TimeSpan.FromMinutes(10);
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;
    private static string? _publishFailure;

    /// <summary>The published app's <c>wwwroot</c>, which the backend serves.</summary>
    public static string WebRoot { get; } = Path.Combine(TestContext.CurrentContext.WorkDirectory, "blazorchat-published", "wwwroot");

    /// <summary>The shared browser; fails the test when it could not start or the app could not be published.</summary>
    public static IBrowser Browser => _publishFailure is { } failure
        ? throw new AssertionException(failure)
        : _browser ?? throw new AssertionException(HeadlessChromium.MissingMessage);

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _publishFailure = await PublishAsync();
        if (_publishFailure is not null || !HeadlessChromium.IsInstalled)
        {
            return;
        }

        Assertions.SetDefaultExpectTimeout(30_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>dotnet publish -c Release: null when it worked, else what went wrong with its output.</summary>
    private static async Task<string?> PublishAsync()
    {
        var project = Path.Combine(RepositoryFiles.Root, "samples", "BlazorChat", "BlazorChat.csproj");
        var output = Path.GetDirectoryName(WebRoot)!;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "publish", project, "-c", "Release", "-o", output, "-nologo", "-v", "quiet", "-p:TreatWarningsAsErrors=true" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // A clean build: none of the test host's MSBuild or VSTest variables, no build server left behind.
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(name);
            }
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.ArgumentList.Add("--disable-build-servers");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(PublishGuard);
        return process.ExitCode == 0 && File.Exists(Path.Combine(WebRoot, "index.html"))
            ? null
            : $"dotnet publish samples/BlazorChat -c Release failed (exit {process.ExitCode}):\n{await stdout}\n{await stderr}";
    }
}
