using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace StreamChat.Dashboard.Tests;

/// <summary>
/// One headless Chromium for the whole run (each test gets its own context: fresh cookies and storage). Debian's chromium
/// through Playwright's <c>ExecutablePath</c>: Playwright's own browser download needs the internet. A missing browser fails
/// every test with what to do; it is never a skip.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    /// <summary>Where the browser is expected: <c>STREAMCHAT_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("STREAMCHAT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The shared browser; fails the test when it could not start.</summary>
    public static IBrowser Instance => _browser ?? throw new AssertionException(
        $"Chromium is missing at {ExecutablePath}. Building this project installs Debian's chromium when run as root on Debian; "
        + "otherwise install it (sudo apt-get install chromium) or set STREAMCHAT_CHROMIUM to a Chromium or Chrome binary.");

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        // The bounds every page call and web-first assertion waits at most; a test that needs them has already failed.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();

        // Launch (not a persistent context) gives every run a fresh, throw-away profile directory.
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    [OneTimeTearDown]
    public async Task CloseAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
