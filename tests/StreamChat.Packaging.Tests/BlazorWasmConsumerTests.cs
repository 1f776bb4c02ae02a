using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Server;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// StreamChat.Client in Blazor WebAssembly as a user meets it: a fresh <c>dotnet new blazorwasm --empty</c> app, given a
/// claims record and a page that connects, watches, sends and receives, restores the packed package and publishes trimmed
/// in Release with no warning of ours: trim analysis on (the Blazor SDK hides it by default) with a warning per call site,
/// and the platform analyzer (CA1416) on, as in every browser project. The published app is then served on 127.0.0.1 with
/// its token endpoint and opened in headless Chromium (Debian's, as for the sample's tests), where it connects to a dev
/// server, sends and receives.
/// </summary>
/// <remarks>
/// With trim analysis on, ASP.NET Core's own assemblies (Components, JSInterop) and the template's router warn about
/// themselves (IL2072, IL2065, IL2110, IL2111 on framework members): those are the only warnings allowed, by name.
/// </remarks>
public sealed class BlazorWasmConsumerTests
{
    private const string Claims = """
        using StreamChat.Claims;

        namespace Consumer;

        [TokenClaims]
        public partial record FreshClaims(string UserId);
        """;

    // ?server=…&key=… name the chat server; the app's own origin answers GET /token for its logged-in user.
    private const string Home = """
        @page "/"
        @using StreamChat
        @implements IAsyncDisposable
        @inject NavigationManager Navigation
        @inject HttpClient Http

        <p id="state">@_state</p>
        <ul id="messages">
            @foreach (var text in _received)
            {
                <li>@text</li>
            }
        </ul>

        @code {
            private readonly List<string> _received = new();
            private string _state = "starting";
            private ChatClient? _client;

            protected override async Task OnInitializedAsync()
            {
                var query = new Uri(Navigation.Uri).Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                    .Select(pair => pair.Split('=', 2)).ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));
                if (!query.TryGetValue("server", out var server) || !query.TryGetValue("key", out var key))
                {
                    _state = "no server";
                    return;
                }

                try
                {
                    var config = new ChatClientConfig(key) { BaseUrl = new Uri(server) };
                    _client = new ChatClient(config, Consumer.FreshClaimsTokenProvider.FromEndpoint(Http, new Uri(Http.BaseAddress!, "token")));
                    _client.MessageReceived += (_, e) => _ = InvokeAsync(() =>
                    {
                        _received.Add(e.Message.User?.Id + ": " + e.Message.Text);
                        StateHasChanged();
                    });
                    var me = await _client.ConnectAsync();
                    await _client.QueryChannelAsync("messaging", "fresh-wasm", watch: true);
                    await _client.SendMessageAsync("messaging", "fresh-wasm", "hello from wasm");
                    _state = "connected as " + me.Id;
                }
                catch (Exception exception)
                {
                    _state = "failed: " + exception;
                }
            }

            public async ValueTask DisposeAsync()
            {
                if (_client is not null)
                {
                    await _client.DisposeAsync();
                }
            }
        }
        """;

    // The Blazor SDK suppresses trim analysis warnings by default: turned on, one per call site.
    private const string Properties = """
        <SuppressTrimAnalysisWarnings>false</SuppressTrimAnalysisWarnings>
        <TrimmerSingleWarn>false</TrimmerSingleWarn>
        """;

    // The template's and ASP.NET Core's own trim warnings; anything naming the client, the app's record or its page is ours.
    private static readonly Regex FrameworkTrimWarning = new(@"warning IL2\d{3}: (Microsoft\.AspNetCore\.Components|Microsoft\.JSInterop|Consumer\.App\.BuildRenderTree|Method 'Microsoft\.AspNetCore\.Components\.)");

    private const string UserId = "fresh-user";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private ConsumerProject _consumer = null!;
    private CliResult _publish = null!;

    [OneTimeSetUp]
    public async Task PublishAsync()
    {
        _consumer = await ConsumerProject.FromTemplateAsync(
            PackagingFixture.Packages, ["blazorwasm", "--empty"], [("FreshClaims.cs", Claims), (Path.Combine("Pages", "Home.razor"), Home)], Properties);
        _publish = await _consumer.PublishAsync();
    }

    [Test]
    public void A_fresh_blazorwasm_app_restores_the_package_and_publishes_trimmed_in_Release_with_no_warning_of_its_own()
    {
        Assert.That(_publish.ExitCode, Is.Zero, _publish.ToString);
        Assert.That(_publish.Output, Does.Contain("Optimizing assemblies for size"), "the publish trims");
        Assert.That(NotTheFrameworks(_publish), Is.Empty, _publish.ToString);
        Assert.That(_publish.Output, Does.Contain("Trim analysis warning"), "trim analysis ran: the framework's own warnings show");
        Assert.That(Directory.GetFiles(Framework, "StreamChat.Client*.wasm"), Is.Not.Empty, "the client ships in the app");
    }

    [Test]
    public async Task The_published_app_connects_sends_and_receives_in_Chromium()
    {
        Assert.That(_publish.ExitCode, Is.Zero, _publish.ToString);
        Assert.That(HeadlessChromium.IsInstalled, Is.True, HeadlessChromium.MissingMessage);
        using var timeout = new CancellationTokenSource(HangGuard);
        await using var chat = await DevServer.DevServer.StartAsync(cancellationToken: timeout.Token);
        using var issuer = new UserTokenIssuer(chat.ApiSecret);
        await using var site = await WasmSite.StartAsync(Path.Combine(_consumer.PublishDirectory, "wwwroot"), UserId, issuer, timeout.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (errors)
                {
                    errors.Add(message.Text);
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (errors)
            {
                errors.Add(error);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                lock (errors)
                {
                    errors.Add($"{response.Status} for {response.Url}");
                }
            }
        };

        await page.GotoAsync(new Uri(site.BaseUrl, $"?server={Uri.EscapeDataString(chat.BaseUrl.ToString())}&key={chat.ApiKey}").ToString());

        try
        {
            await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync("connected as " + UserId, new() { Timeout = 60_000 });
            await Assertions.Expect(Message(page, UserId + ": hello from wasm")).ToBeVisibleAsync();
            await SendAsOtherUserAsync(chat, issuer, "hello from another user", timeout.Token);
            await Assertions.Expect(Message(page, "someone-else: hello from another user")).ToBeVisibleAsync();
        }
        catch (PlaywrightException exception)
        {
            var body = await page.Locator("body").InnerTextAsync();
            lock (errors)
            {
                Assert.Fail($"{exception.Message}\nThe page: {body}\nIts console errors:\n{string.Join("\n", errors)}");
            }
        }

        var pageText = await page.ContentAsync();
        Assert.Multiple(() =>
        {
            Assert.That(site.TokenCalls, Is.EqualTo(1), "one token for the session");
            Assert.That(chat.Stats.WebSocketConnects, Is.EqualTo(1), "the page's one WebSocket");
            lock (errors)
            {
                Assert.That(errors, Is.Empty, "console errors");
            }

            Assert.That(pageText, Does.Not.Contain(nameof(PlatformNotSupportedException)));
        });
    }

    private string Framework => Path.Combine(_consumer.PublishDirectory, "wwwroot", "_framework");

    private static ILocator Message(IPage page, string text) => page.Locator("#messages li", new() { HasTextString = text });

    // Another user posts to the page's channel server-side (the dev server's REST API, as a backend would).
    private static async Task SendAsOtherUserAsync(DevServer.DevServer chat, UserTokenIssuer issuer, string text, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = chat.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/messaging/fresh-wasm/message?api_key={chat.ApiKey}")
        {
            Content = JsonContent.Create(new { message = new { text, user_id = "someone-else" } }),
        };
        request.Headers.TryAddWithoutValidation("Authorization", issuer.CreateServerToken());
        request.Headers.Add("Stream-Auth-Type", "jwt");
        using var response = await http.SendAsync(request, cancellationToken);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Every warning line of the publish but the framework's own trim warnings.</summary>
    private static string[] NotTheFrameworks(CliResult publish) => publish.Output.Split('\n')
        .Where(line => line.Contains(": warning ", System.StringComparison.Ordinal) || line.Contains("Trim analysis warning", System.StringComparison.Ordinal))
        .Where(line => !FrameworkTrimWarning.IsMatch(line) || line.Contains("StreamChat", System.StringComparison.Ordinal) || line.Contains("FreshClaims", System.StringComparison.Ordinal) || line.Contains("Home_razor", System.StringComparison.Ordinal) || line.Contains("Consumer.Pages", System.StringComparison.Ordinal))
        .Select(line => line.Trim())
        .Distinct()
        .ToArray();
}
