using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 items 1 and 3: one client-wide refresh; requests wait for it and are retried a bounded number of times.</summary>
[Category("Lifecycle")]
public sealed class RefreshStormTests
{
    [Test]
    public async Task Thousand_concurrent_requests_on_an_expired_token_cause_one_provider_call_and_all_succeed()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "storm", call, TimeSpan.FromHours(1)));
        var gate = new ResponseGate();
        var config = Loopback.Config(server);
        config.HttpMessageHandler = gate;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "storm").Guard();
        serverClock.Advance(TimeSpan.FromHours(2)); // the token has now expired by the server's clock
        var rejectedBefore = server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired);
        var sentBefore = server.Stats.RestRequests;

        gate.Close(); // answers wait until all 1,000 requests have been issued
        var storm = Enumerable.Range(0, 1000).Select(_ => client.QueryChannelAsync("messaging", "storm")).ToArray();
        gate.Open();
        var results = await Task.WhenAll(storm).Guard();

        Assert.Multiple(() =>
        {
            Assert.That(results, Has.Length.EqualTo(1000).And.All.Matches<ChannelState>(c => c!.Cid == "messaging:storm"));
            Assert.That(provider.Calls, Is.EqualTo(2), "one call to connect, exactly one to refresh");
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired) - rejectedBefore, Is.EqualTo(1000), "every request first went out with the expired token");
            Assert.That(server.Stats.RestRequests - sentBefore, Is.EqualTo(2000), "and was retried exactly once, with the one new token");
        });
    }

    [Test]
    public async Task Request_rejected_with_40_every_time_is_retried_a_bounded_number_of_times_then_fails_with_the_code()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "unlucky", call));
        var config = Loopback.Config(server);
        config.MaxTokenRefreshAttempts = 3;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(100);

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.QueryChannelAsync("messaging", "never").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(StreamErrorCode.TokenExpired));
            Assert.That(provider.Calls, Is.EqualTo(1 + 3));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1 + 3));
        });
    }

    [Test]
    public async Task Request_issued_while_a_refresh_runs_waits_and_goes_out_with_the_new_token()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var gate = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider((call, _) => call == 1 ? Task.FromResult(Tokens.Issue(issuer, "patient", call, TimeSpan.FromMinutes(5))) : gate.Task);
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        serverClock.Advance(TimeSpan.FromMinutes(10)); // the token has expired by the server's clock
        var first = client.QueryChannelAsync("messaging", "wait");
        await provider.WaitForCallAsync(2);

        var second = client.QueryChannelAsync("messaging", "wait"); // issued during the refresh
        gate.SetResult(Tokens.Issue(issuer, "patient", 2, TimeSpan.FromMinutes(5)));
        await Task.WhenAll(first, second).Guard();

        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(2));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1), "the second request waited instead of going out with the expired token");
        });
    }
}
