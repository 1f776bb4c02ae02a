using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;

namespace StreamChat.Tests.Shared;

/// <summary>
/// Debian's Chromium, headless, through Playwright's <c>ExecutablePath</c> (Playwright's own browser download needs the
/// internet), with the flags this machine's closed network needs. Shared by the dashboard's and the Blazor sample's tests.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>Where the browser is expected: <c>STREAMCHAT_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath { get; } = Environment.GetEnvironmentVariable("STREAMCHAT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Whether the browser is where it is expected.</summary>
    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>What a test says when the browser is missing: what to do, never a skip.</summary>
    public static string MissingMessage =>
        $"Chromium is missing at {ExecutablePath}. Building this project installs Debian's chromium when run as root on Debian; "
        + "otherwise install it (sudo apt-get install chromium) or set STREAMCHAT_CHROMIUM to a Chromium or Chrome binary.";

    /// <summary>Launches it (not a persistent context: every run gets a fresh, throw-away profile directory).</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
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
