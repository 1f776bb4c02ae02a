using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// StreamChat.Client in Blazor WebAssembly as a user meets it: a fresh <c>dotnet new blazorwasm --empty</c> app, given a
/// claims record and a page that connects, watches, sends and receives, restores the packed package and publishes trimmed
/// in Release with no warning of ours: trim analysis on (the Blazor SDK hides it by default) with a warning per call site,
/// and the platform analyzer (CA1416) on, as in every browser project.
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

                var config = new ChatClientConfig(key) { BaseUrl = new Uri(server) };
                _client = new ChatClient(config, Consumer.FreshClaimsTokenProvider.FromEndpoint(Http, new Uri(Http.BaseAddress!, "token")));
                _client.MessageReceived += (_, e) => { _received.Add(e.Message.Text); _ = InvokeAsync(StateHasChanged); };
                try
                {
                    var me = await _client.ConnectAsync();
                    await _client.QueryChannelAsync("messaging", "fresh-wasm", watch: true);
                    await _client.SendMessageAsync("messaging", "fresh-wasm", "hello from wasm");
                    _state = "connected as " + me.Id;
                }
                catch (ChatException exception)
                {
                    _state = "failed: " + exception.Message;
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

    [Test]
    public async Task A_fresh_blazorwasm_app_restores_the_package_and_publishes_trimmed_in_Release_with_no_warning_of_its_own()
    {
        var consumer = await ConsumerProject.FromTemplateAsync(
            PackagingFixture.Packages, ["blazorwasm", "--empty"], [("FreshClaims.cs", Claims), (Path.Combine("Pages", "Home.razor"), Home)], Properties);

        var publish = await consumer.PublishAsync();

        Assert.That(publish.ExitCode, Is.Zero, publish.ToString);
        Assert.That(publish.Output, Does.Contain("Optimizing assemblies for size"), "the publish trims");
        Assert.That(NotTheFrameworks(publish), Is.Empty, publish.ToString);
        var framework = Path.Combine(consumer.PublishDirectory, "wwwroot", "_framework");
        Assert.That(publish.Output, Does.Contain("Trim analysis warning"), "trim analysis ran: the framework's own warnings show");
        Assert.That(Directory.GetFiles(framework, "StreamChat.Client*.wasm").Where(path => path.EndsWith(".wasm", System.StringComparison.Ordinal)), Is.Not.Empty, "the client ships in the app");
    }

    /// <summary>Every warning line of the publish but the framework's own trim warnings.</summary>
    private static string[] NotTheFrameworks(CliResult publish) => publish.Output.Split('\n')
        .Where(line => line.Contains(": warning ", System.StringComparison.Ordinal) || line.Contains("Trim analysis warning", System.StringComparison.Ordinal))
        .Where(line => !FrameworkTrimWarning.IsMatch(line) || line.Contains("StreamChat", System.StringComparison.Ordinal) || line.Contains("FreshClaims", System.StringComparison.Ordinal) || line.Contains("Home_razor", System.StringComparison.Ordinal) || line.Contains("Consumer.Pages", System.StringComparison.Ordinal))
        .Select(line => line.Trim())
        .Distinct()
        .ToArray();
}
