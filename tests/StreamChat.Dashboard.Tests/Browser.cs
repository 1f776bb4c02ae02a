using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Tests.Shared;

namespace StreamChat.Dashboard.Tests;

/// <summary>
/// One headless Chromium for the whole run (each test gets its own context: fresh cookies and storage). Debian's chromium
/// through Playwright's <c>ExecutablePath</c>: Playwright's own browser download needs the internet. A missing browser fails
/// every test with what to do; it is never a skip.
/// </summary>
[SetUpFixture]
public sealed class Browser
{
    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The shared browser; fails the test when it could not start.</summary>
    public static IBrowser Instance => _browser ?? throw new AssertionException(HeadlessChromium.MissingMessage);

    [OneTimeSetUp]
    public async Task LaunchAsync()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            return;
        }

        // The bounds every page call and web-first assertion waits at most; a test that needs them has already failed.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();

        _browser = await HeadlessChromium.LaunchAsync(_playwright);
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
