using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// The official JavaScript client (npm <c>stream-chat</c>, pinned in js/package-lock.json) against an embedded dev
/// server: every auth path it offers works, and it recovers from an expired token through its provider.
/// </summary>
public sealed class JsClientConformanceTests
{
    private const string ChannelId = "conformance";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    private DevServer.DevServer _server = null!;
    private FakeTimeProvider _clock = null!;
    private UserTokenIssuer _issuer = null!;
    private int _tokenRequests;
    private Func<string, int, string> _tokenFor = null!;
    private Action<string> _onCheckpoint = null!;

    [SetUp]
    public Task StartServerAsync() => StartServerAsync(disableAuthChecks: false);

    private async Task StartServerAsync(bool disableAuthChecks)
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _server = await DevServer.DevServer.StartAsync(new DevServerOptions { TimeProvider = _clock, DisableAuthChecks = disableAuthChecks });
        _issuer = new UserTokenIssuer(_server.ApiSecret, _clock);
        _tokenRequests = 0;
        _tokenFor = (user, _) => _issuer.CreateUserToken(user, TokenLifetime);
        _onCheckpoint = name => throw new AssertionException($"Unexpected checkpoint '{name}'.");
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        _issuer.Dispose();
        await _server.DisposeAsync();
    }

    [Test]
    public async Task ConnectUser_with_a_token_provider_opens_the_connection_as_that_user()
    {
        var result = await RunAsync("connect-user");
        Assert.Multiple(() =>
        {
            Assert.That(result["meId"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(result["meName"]?.GetValue<string>(), Is.EqualTo("Alice"));
            Assert.That(result["meRole"]?.GetValue<string>(), Is.EqualTo("user"));
            Assert.That(result["connectionId"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(result["providerCalls"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(_tokenRequests, Is.EqualTo(1));
            Assert.That(_server.Stats.WebSocketConnects, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ConnectAnonymousUser_reads_a_livestream_channel_but_may_not_post()
    {
        await ServerSideAsync($"/channels/livestream/{ChannelId}/query", """{"data":{"created_by_id":"host"}}""");
        await ServerSideAsync($"/channels/livestream/{ChannelId}/message", """{"message":{"text":"welcome","user_id":"host"}}""");

        var result = await RunAsync("anonymous-livestream");
        Assert.Multiple(() =>
        {
            Assert.That(result["cid"]?.GetValue<string>(), Is.EqualTo($"livestream:{ChannelId}"));
            Assert.That(result["messages"]?.AsArray().Select(m => m?.GetValue<string>()), Is.EqualTo(new[] { "welcome" }));
            Assert.That(result["stateMessages"]?.AsArray().Select(m => m?.GetValue<string>()), Is.EqualTo(new[] { "welcome" }));
            Assert.That(result["connectionId"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(result["sendError"]?["code"]?.GetValue<int>(), Is.EqualTo(17));
            Assert.That(result["sendError"]?["status"]?.GetValue<int>(), Is.EqualTo(403));
            Assert.That(_tokenRequests, Is.Zero);
        });
    }

    [Test]
    public async Task SetGuestUser_gets_a_guest_token_and_connects_as_a_guest()
    {
        await ServerSideAsync($"/channels/livestream/{ChannelId}/query", """{"data":{"created_by_id":"host"}}""");

        var result = await RunAsync("guest-user");
        Assert.Multiple(() =>
        {
            Assert.That(result["meId"]?.GetValue<string>(), Is.EqualTo("guest-ann"));
            Assert.That(result["meRole"]?.GetValue<string>(), Is.EqualTo("guest"));
            Assert.That(result["sentBy"]?.GetValue<string>(), Is.EqualTo("guest-ann"));
            Assert.That(_server.Stats.WebSocketConnects, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Watch_and_sendMessage_deliver_message_new_to_the_other_watcher()
    {
        var result = await RunAsync("watch-send-receive");
        Assert.Multiple(() =>
        {
            Assert.That(result["receivedText"]?.GetValue<string>(), Is.EqualTo("hello bob"));
            Assert.That(result["receivedFrom"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(result["receivedId"]?.GetValue<string>(), Is.EqualTo(result["sentId"]?.GetValue<string>()));
            Assert.That(result["bobStateHasMessage"]?.GetValue<bool>(), Is.True);
            Assert.That(result["memberCount"]?.GetValue<int>(), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Expired_token_on_a_request_makes_the_client_call_its_provider_and_retry()
    {
        _onCheckpoint = _ => _clock.Advance(TokenLifetime + TimeSpan.FromMinutes(1));

        var result = await RunAsync("expired-token-rest");
        Assert.Multiple(() =>
        {
            Assert.That(result["callsBefore"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(result["callsAfter"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(result["sentText"]?.GetValue<string>(), Is.EqualTo("sent after a refresh"));
            Assert.That(_server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Expired_token_on_connect_makes_the_client_call_its_provider_and_reconnect()
    {
        _tokenFor = (user, call) => call == 1
            ? _issuer.CreateUserToken(user, _clock.GetUtcNow().AddMinutes(-1), _clock.GetUtcNow().AddHours(-1))
            : _issuer.CreateUserToken(user, TokenLifetime);

        var result = await RunAsync("expired-token-connect");
        Assert.Multiple(() =>
        {
            Assert.That(result["meId"]?.GetValue<string>(), Is.EqualTo("fred"));
            Assert.That(result["providerCalls"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(_server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
            Assert.That(_server.Stats.WebSocketConnects, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Development_token_is_refused_with_code_5_while_auth_checks_are_on()
    {
        var result = await RunAsync("dev-token");
        Assert.Multiple(() =>
        {
            Assert.That(result["connected"]?.GetValue<bool>(), Is.False);
            Assert.That(result["code"]?.GetValue<int>(), Is.EqualTo(5));
            Assert.That(_server.Stats.RejectedWithCode(StreamErrorCode.AuthenticationFailed), Is.EqualTo(1), "refused once, not retried");
        });
    }

    [Test]
    public async Task Development_token_connects_when_auth_checks_are_disabled()
    {
        await StopServerAsync();
        await StartServerAsync(disableAuthChecks: true);

        var result = await RunAsync("dev-token");
        Assert.Multiple(() =>
        {
            Assert.That(result["connected"]?.GetValue<bool>(), Is.True);
            Assert.That(result["meId"]?.GetValue<string>(), Is.EqualTo("dave"));
        });
    }

    [Test]
    public async Task Server_client_reads_and_switches_disable_auth_checks_through_the_app_settings()
    {
        var result = await RunAsync("app-settings", withSecret: true);
        Assert.Multiple(() =>
        {
            Assert.That(result["before"]?.GetValue<bool>(), Is.False);
            Assert.That(result["during"]?.GetValue<bool>(), Is.True);
            Assert.That(result["after"]?.GetValue<bool>(), Is.False);
            Assert.That(result["accepted"]?["connected"]?.GetValue<bool>(), Is.True, result.ToJsonString());
            Assert.That(result["accepted"]?["meId"]?.GetValue<string>(), Is.EqualTo("dora"));
            Assert.That(result["refused"]?["connected"]?.GetValue<bool>(), Is.False);
            Assert.That(result["refused"]?["code"]?.GetValue<int>(), Is.EqualTo(5));
        });
    }

    [Test]
    public async Task Server_client_partial_update_sets_and_unsets_a_user_s_fields()
    {
        var result = await RunAsync("partial-update-user", withSecret: true);
        Assert.Multiple(() =>
        {
            Assert.That(result["color"]?.GetValue<string>(), Is.EqualTo("blue"), result.ToJsonString());
            Assert.That(result["hasBio"]?.GetValue<bool>(), Is.False, result.ToJsonString());
            Assert.That(result["role"]?.GetValue<string>(), Is.EqualTo("admin"), result.ToJsonString());
        });
    }

    [Test]
    public async Task StopWatching_ends_live_events_and_sync_returns_the_missed_messages_since_last_sync_at()
    {
        _onCheckpoint = _ => _clock.Advance(TimeSpan.FromSeconds(1));

        var result = await RunAsync("stop-watching-and-sync");
        Assert.Multiple(() =>
        {
            Assert.That(result["stoppedDuration"]?.GetValue<string>(), Is.EqualTo("string"));
            Assert.That(Texts(result["live"]), Is.EqualTo(new[] { "seen live" }), "nothing of the channel bob stopped watching arrives live");
            Assert.That(Texts(result["syncTypes"]), Is.EqualTo(new[] { "message.new", "message.new" }), result.ToJsonString());
            Assert.That(Texts(result["syncTexts"]), Is.EqualTo(new[] { "missed while not watching", "seen live" }), "oldest first, nothing before the mark");
            Assert.That(Texts(result["syncCids"]), Is.EqualTo(new[] { $"messaging:{ChannelId}-quiet", $"messaging:{ChannelId}" }));
            Assert.That(Texts(result["inaccessible"]), Is.EqualTo(new[] { "messaging:never-created" }));
            Assert.That(result["inaccessibleEvents"]?.GetValue<int>(), Is.EqualTo(1));
        });
    }

    private static string?[] Texts(JsonNode? array) => array?.AsArray().Select(item => item?.GetValue<string>()).ToArray() ?? [];

    // Only the server-side scenarios get the secret, as only a backend would have it.
    private async Task<JsonObject> RunAsync(string scenario, bool withSecret = false)
    {
        var environment = new Dictionary<string, string> { ["STREAM_CHANNEL_ID"] = ChannelId };
        if (withSecret)
        {
            environment["STREAM_API_SECRET"] = _server.ApiSecret;
        }

        var message = await NodeScenario.RunAsync(scenario, _server, AnswerAsync, environment);
        Assert.That(message["ok"]?.GetValue<bool>(), Is.True, $"Scenario '{scenario}' failed: {message["error"]?.ToJsonString()}");
        return message["result"]!.AsObject();
    }

    private Task<JsonObject> AnswerAsync(JsonObject request)
    {
        switch (request["kind"]?.GetValue<string>())
        {
            case "token":
                Interlocked.Increment(ref _tokenRequests);
                var token = _tokenFor(request["user"]!.GetValue<string>(), request["call"]!.GetValue<int>());
                return Task.FromResult(new JsonObject { ["token"] = token });
            case "checkpoint":
                _onCheckpoint(request["name"]!.GetValue<string>());
                return Task.FromResult(new JsonObject { ["ok"] = true });
            default:
                throw new AssertionException($"Unknown request from the scenario: {request.ToJsonString()}");
        }
    }

    private async Task ServerSideAsync(string path, string body)
    {
        using var http = new HttpClient { BaseAddress = _server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{path.TrimStart('/')}?api_key={Uri.EscapeDataString(_server.ApiKey)}")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", _issuer.CreateServerToken());
        request.Headers.Add("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
