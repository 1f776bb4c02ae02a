using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Telemetry;

/// <summary>The token lifecycle as a listener sees it: the connect's token fetch, one provider-call span per call, and the requests that waited.</summary>
[Category("Telemetry")]
public sealed class TokenTelemetryTests
{
    [Test]
    public async Task Expiry_storm_of_100_requests_records_one_provider_call_span_and_100_waits()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var refreshed = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider((call, _) => call == 1 ? Task.FromResult(Tokens.Issue(issuer, "storm", call, TimeSpan.FromHours(1))) : refreshed.Task);
        var gate = new ResponseGate();
        var config = Loopback.Config(server);
        config.HttpMessageHandler = gate;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        serverClock.Advance(TimeSpan.FromHours(2)); // the token has now expired by the server's clock
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);

        gate.Close(); // answers wait until all 100 requests have been issued
        var storm = Enumerable.Range(0, 100).Select(_ => client.QueryChannelAsync("messaging", "storm")).ToArray();
        gate.Open();
        await Eventually.HoldsAsync(() => telemetry.Sum("streamchat.client.token.waits") >= 100); // all of them wait for the one refresh
        refreshed.SetResult(Tokens.Issue(issuer, "storm", 2, TimeSpan.FromHours(1)));
        await Task.WhenAll(storm).Guard();

        var providerCalls = telemetry.SpansNamed("streamchat.token_provider.call").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(2), "one call to connect, one to refresh");
            Assert.That(providerCalls, Has.Length.EqualTo(1), "exactly one provider-call span");
            Assert.That(providerCalls[0].GetTagItem("streamchat.token_provider.kind"), Is.EqualTo("closure"));
            Assert.That(providerCalls[0].GetTagItem("streamchat.token_provider.outcome"), Is.EqualTo("success"));
            Assert.That(providerCalls[0].GetTagItem("streamchat.token_provider.attempt"), Is.EqualTo(1));
            Assert.That(telemetry.SpansNamed("streamchat.token.refresh").Single().GetTagItem("streamchat.token.refresh.reason"), Is.EqualTo("expired"));
            Assert.That(telemetry.Sum("streamchat.client.token.waits", ("streamchat.token.refresh.reason", "expired")), Is.EqualTo(100));
            Assert.That(telemetry.Sum("streamchat.client.token.waits"), Is.EqualTo(100), "no other wait");
            Assert.That(telemetry.Count("streamchat.client.token.wait.duration"), Is.EqualTo(100), "each wait timed once");
            Assert.That(telemetry.Sum("streamchat.client.token_provider.calls", ("streamchat.token_provider.outcome", "success")), Is.EqualTo(1));
            Assert.That(telemetry.SpansNamed("streamchat.query_channel").Count(), Is.EqualTo(100));
            Assert.That(telemetry.Count("streamchat.client.rest.duration", ("streamchat.error.code", 40)), Is.EqualTo(100), "each request's first try met code 40");
            Assert.That(telemetry.Count("streamchat.client.rest.duration"), Is.EqualTo(200), "and its one retry succeeded");
        });
    }

    [Test]
    public async Task Connect_span_holds_the_token_fetch_which_holds_the_provider_call()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "ann", call));
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);

        await client.ConnectAsync().Guard();

        var connect = telemetry.SpansNamed("streamchat.connect").Single();
        var refresh = telemetry.SpansNamed("streamchat.token.refresh").Single();
        var call = telemetry.SpansNamed("streamchat.token_provider.call").Single();
        Assert.Multiple(() =>
        {
            Assert.That(connect.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(connect.Status, Is.EqualTo(ActivityStatusCode.Unset));
            Assert.That(connect.GetTagItem("server.address"), Is.EqualTo(server.BaseUrl.Host));
            Assert.That(connect.GetTagItem("server.port"), Is.EqualTo(server.BaseUrl.Port));
            Assert.That(connect.GetTagItem("user.id"), Is.Null, "a user id is opt-in");
            Assert.That(refresh.ParentSpanId, Is.EqualTo(connect.SpanId), "the token fetch is the connect's child");
            Assert.That(refresh.GetTagItem("streamchat.token.refresh.reason"), Is.EqualTo("initial"));
            Assert.That(call.ParentSpanId, Is.EqualTo(refresh.SpanId));
            Assert.That(connect.Source.Version, Is.Not.Null.And.Not.Empty, "the source is versioned");
            Assert.That(telemetry.Sum("streamchat.client.token.waits", ("streamchat.token.refresh.reason", "initial")), Is.EqualTo(1), "the connect waited for the first token");
            Assert.That(telemetry.Sum("streamchat.client.connection.state_changes", ("streamchat.connection.state", "connected")), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task User_id_is_on_the_connect_span_only_when_the_config_allows_it()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);
        var config = Loopback.Config(server);
        config.TelemetryIncludesUserId = true;
        await using var client = new ChatClient(config, new ScriptedProvider(call => Tokens.Issue(issuer, "opted-in", call)).Provider);

        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "opt-in").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(telemetry.SpansNamed("streamchat.connect").Single().GetTagItem("user.id"), Is.EqualTo("opted-in"));
            var others = telemetry.Spans.Where(span => span.OperationName != "streamchat.connect").ToArray();
            Assert.That(others, Is.Not.Empty);
            Assert.That(others.SelectMany(span => span.TagObjects).Select(tag => tag.Value), Has.None.EqualTo("opted-in"), "nowhere else");
        });
    }

    [Test]
    public async Task Failing_provider_records_each_attempt_with_its_outcome_and_error_type()
    {
        await using var server = await Loopback.StartServerAsync();
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);
        var config = Loopback.Config(server);
        config.MaxTokenProviderAttempts = 2;
        config.TokenProviderRetryBaseDelay = TimeSpan.Zero;
        config.TokenProviderRetryMaxDelay = TimeSpan.Zero;
        var provider = new ScriptedProvider((_, _) => Task.FromException<Token>(new InvalidOperationException("backend down")));
        await using var client = new ChatClient(config, provider.Provider);

        await Assert.ThrowsAsync<TokenProviderException>(() => client.ConnectAsync().Guard());

        var calls = telemetry.SpansNamed("streamchat.token_provider.call").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(calls.Select(span => span.GetTagItem("streamchat.token_provider.attempt")), Is.EqualTo(new object[] { 1, 2 }));
            Assert.That(calls.Select(span => span.Status), Is.All.EqualTo(ActivityStatusCode.Error));
            Assert.That(calls.Select(span => span.GetTagItem("error.type")), Is.All.EqualTo("System.InvalidOperationException"));
            Assert.That(telemetry.Sum("streamchat.client.token_provider.calls", ("streamchat.token_provider.outcome", "failed"), ("error.type", "System.InvalidOperationException")), Is.EqualTo(2));
            Assert.That(telemetry.SpansNamed("streamchat.connect").Single().GetTagItem("error.type"), Is.EqualTo(typeof(TokenProviderException).FullName));
            Assert.That(telemetry.Spans.Select(span => span.StatusDescription), Has.None.Contains("backend down"), "exception messages are not recorded");
        });
    }
}
