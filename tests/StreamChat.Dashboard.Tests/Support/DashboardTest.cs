using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Dashboard.Tests.Support;

/// <summary>
/// Base for the browser tests: a dev server per test (on a fake clock, so revocation cutoffs are exact), a fresh browser
/// context and page, and a record of the page's console errors and uncaught exceptions, which fail the test.
/// </summary>
public abstract class DashboardTest
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly List<string> _consoleErrors = [];

    internal DevServer.DevServer Server { get; private set; } = null!;

    internal FakeTimeProvider Clock { get; private set; } = null!;

    internal UserTokenIssuer Issuer { get; private set; } = null!;

    internal IBrowserContext Context { get; private set; } = null!;

    internal IPage Page { get; private set; } = null!;

    /// <summary>What Chromium logs for a 400 answer (a form the server refused): expected where a test sends bad input.</summary>
    protected const string BadRequestLogged = "the server responded with a status of 400";

    /// <summary>What Chromium logs for a 401 answer (the sign-in page, a wrong secret).</summary>
    protected const string UnauthorizedLogged = "the server responded with a status of 401";

    /// <summary>Console errors expected by the test (Chromium logs every 4xx answer), matched by substring.</summary>
    protected List<string> ExpectedConsoleErrors { get; } = [];

    [SetUp]
    public async Task StartAsync()
    {
        // NUnit keeps one instance per fixture: what one test recorded must not reach the next.
        _consoleErrors.Clear();
        ExpectedConsoleErrors.Clear();
        Clock = new FakeTimeProvider(Start);
        Server = await DevServer.DevServer.StartAsync(new DevServerOptions { TimeProvider = Clock });
        Issuer = new UserTokenIssuer(Server.ApiSecret, Clock);
        Context = await Tests.Browser.Instance.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        Context.SetDefaultTimeout(15_000);
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _consoleErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => _consoleErrors.Add("uncaught: " + error);
    }

    [TearDown]
    public async Task StopAsync()
    {
        // The page goes first, so the server's stop is not an error on a page still watching it.
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        Issuer?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        var unexpected = _consoleErrors.FindAll(error => !ExpectedConsoleErrors.Exists(expected => error.Contains(expected, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(unexpected, Is.Empty, "the page logged errors");
            Assert.That(Server?.Stats.ServerErrors ?? 0, Is.Zero, "the dev server answered with a 5xx");
        });
    }

    /// <summary>Opens the dashboard through the link the server prints, and waits until the live feed is connected.</summary>
    protected async Task OpenDashboardAsync()
    {
        await Page.GotoAsync(Server.DashboardUrl.ToString());
        await Assertions.Expect(Page.Locator("#live-state")).ToHaveTextAsync("Live");
        await Assertions.Expect(Page.Locator("#auth-checks")).ToBeEnabledAsync();
    }

    /// <summary>A client of the server's app with the given provider (hang-guarded by the caller).</summary>
    protected ChatClient NewClient(TokenProvider provider) => new(
        new ChatClientConfig(Server.ApiKey)
        {
            BaseUrl = Server.BaseUrl,
            TokenProviderRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TokenProviderRetryMaxDelay = TimeSpan.FromMilliseconds(50),
        },
        provider);

    /// <summary>The row of a table body that mentions <paramref name="text"/>.</summary>
    protected ILocator Row(string tableBodyId, string text) => Page.Locator($"#{tableBodyId} tr", new PageLocatorOptions { HasText = text });
}
