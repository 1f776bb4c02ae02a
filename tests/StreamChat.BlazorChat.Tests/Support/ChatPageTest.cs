using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Backend;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using StreamChat.DevServer;

namespace StreamChat.BlazorChat.Tests.Support;

/// <summary>
/// Base for the sample's browser tests: a dev server and the sample backend on one fake clock (token expiry and revocation
/// happen when a test advances it), the backend serving the published app, and a browser context per user. Every page's
/// console errors and uncaught exceptions fail the test unless expected, and no text anywhere may name a
/// PlatformNotSupportedException.
/// </summary>
public abstract class ChatPageTest
{
    /// <summary>The chat tokens' lifetime in the sample's test mode.</summary>
    protected static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(1);

    /// <summary>What Chromium logs for a 401 answer (a token the chat server refused, the endpoint after logout).</summary>
    protected const string UnauthorizedLogged = "the server responded with a status of 401";

    private readonly List<string> _consoleErrors = [];
    private readonly List<string> _consoleText = [];
    private readonly List<IBrowserContext> _contexts = [];

    internal FakeTimeProvider Clock { get; private set; } = null!;

    internal DevServer.DevServer Server { get; private set; } = null!;

    internal BackendApp Backend { get; private set; } = null!;

    internal TokenEndpointCalls EndpointCalls { get; private set; } = null!;

    /// <summary>Console errors the test expects (Chromium logs every 4xx answer), matched by substring.</summary>
    protected List<string> ExpectedConsoleErrors { get; } = [];

    [SetUp]
    public async Task StartAsync()
    {
        _consoleErrors.Clear();
        _consoleText.Clear();
        _contexts.Clear();
        ExpectedConsoleErrors.Clear();
        _ = PublishedApp.Browser; // fails the test with what to do when the app or the browser is missing
        Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        EndpointCalls = new TokenEndpointCalls();
        Server = await DevServer.DevServer.StartAsync(new DevServerOptions { TimeProvider = Clock }).WaitAsync(HangGuard.Limit);
        var calls = EndpointCalls;
        Backend = await BackendApp.StartAsync(
            Server.BaseUrl,
            Server.ApiKey,
            Server.ApiSecret,
            TokenLifetime,
            Clock,
            clientAppRoot: PublishedApp.WebRoot,
            configure: services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(calls)).WaitAsync(HangGuard.Limit);
    }

    [TearDown]
    public async Task StopAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        if (Backend is not null)
        {
            await Backend.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        var unexpected = _consoleErrors.FindAll(error => !ExpectedConsoleErrors.Exists(expected => error.Contains(expected, StringComparison.Ordinal)));
        Assert.Multiple(() =>
        {
            Assert.That(unexpected, Is.Empty, "the pages logged errors");
            Assert.That(_consoleText.FindAll(text => text.Contains("PlatformNotSupportedException", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Server?.Stats.ServerErrors ?? 0, Is.Zero, "the dev server answered with a 5xx");
        });
    }

    /// <summary>A new browser context (its own cookies) with the app open and the user logged in and connected.</summary>
    protected async Task<IPage> LogInAsync(string user, string password)
    {
        var context = await PublishedApp.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "en-GB", TimezoneId = "UTC" });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            _consoleText.Add(message.Text);
            if (message.Type == "error")
            {
                _consoleErrors.Add(user + ": " + message.Text);
            }
        };
        page.PageError += (_, error) =>
        {
            _consoleText.Add(error);
            _consoleErrors.Add(user + ": uncaught: " + error);
        };

        await page.GotoAsync(Backend.BaseUrl.ToString());
        await page.Locator("#user").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await Assertions.Expect(page.Locator("#login-button")).ToBeEnabledAsync();
        await page.Locator("#login-button").ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("Connected");
        await Assertions.Expect(page.Locator("#me")).ToHaveTextAsync(user);
        return page;
    }

    /// <summary>Types <paramref name="text"/> and presses the send button (or the burst button).</summary>
    protected static async Task SendAsync(IPage page, string text, bool burst = false)
    {
        await page.Locator("#text").FillAsync(text);
        await page.Locator(burst ? "#burst" : "#send-button").ClickAsync();
    }

    /// <summary>The message list's entry with <paramref name="text"/>.</summary>
    protected static ILocator Message(IPage page, string text) => page.Locator("#messages li", new PageLocatorOptions { HasText = text });
}
