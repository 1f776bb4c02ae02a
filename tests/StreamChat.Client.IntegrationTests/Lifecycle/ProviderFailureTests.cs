using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 items 4 and 6: failing, repeating and silent providers end in a typed error for every waiter.</summary>
[Category("Lifecycle")]
public sealed class ProviderFailureTests
{
    [Test]
    public async Task Failing_provider_is_retried_with_jittered_exponential_backoff_then_every_waiter_gets_the_cause()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var clock = new TimerWatchingClock();
        var config = Loopback.Config(server, clock);
        config.TokenProviderTimeout = Timeout.InfiniteTimeSpan;
        config.MaxTokenProviderAttempts = 4;
        config.TokenProviderRetryBaseDelay = TimeSpan.FromSeconds(1);
        config.TokenProviderRetryMaxDelay = TimeSpan.FromSeconds(100);
        var backendDown = new InvalidOperationException("token service unavailable");
        var callTimes = new ConcurrentDictionary<int, DateTimeOffset>();
        var provider = new ScriptedProvider((call, _) =>
        {
            callTimes[call] = clock.GetUtcNow();
            return call == 1 ? Task.FromResult(Tokens.Issue(issuer, "jack", call)) : Task.FromException<Token>(backendDown);
        });
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(10);

        var waiters = Enumerable.Range(0, 10).Select(i => client.QueryChannelAsync("messaging", "down-" + i)).ToArray();
        var delays = new TimeSpan[3];
        for (var retry = 1; retry <= 3; retry++)
        {
            delays[retry - 1] = await clock.NextTimerAsync(due => due != config.RequestTimeout);
            clock.Advance(delays[retry - 1]);
        }

        var errors = waiters.Select(w => Assert.CatchAsync<TokenProviderException>(() => w.Guard())).ToArray();
        var failures = await Task.WhenAll(errors);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(1 + 4), "bounded: exactly MaxTokenProviderAttempts calls for the refresh");
            for (var retry = 1; retry <= 3; retry++)
            {
                var ceiling = TimeSpan.FromSeconds(Math.Pow(2, retry - 1));
                Assert.That(delays[retry - 1], Is.InRange(ceiling / 2, ceiling), $"retry {retry} waits between half and all of base·2^{retry - 1}");
                Assert.That(callTimes[retry + 2] - callTimes[retry + 1], Is.EqualTo(delays[retry - 1]), "the provider was called again only after the delay");
            }

            foreach (var failure in failures)
            {
                Assert.That(failure!.Failure, Is.EqualTo(TokenProviderFailure.Failed));
                Assert.That(failure.Attempts, Is.EqualTo(4));
                Assert.That(failure.InnerException, Is.SameAs(backendDown));
            }
        });
    }

    [Test]
    public async Task Provider_returning_the_rejected_token_again_is_not_retried_with_it()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var stale = Tokens.Issue(issuer, "kate", 1);
        var provider = new ScriptedProvider(_ => stale);
        var config = Loopback.Config(server);
        config.MaxTokenProviderAttempts = 3;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(1);
        var requestsBefore = server.Stats.RestRequests;

        var error = await Assert.ThrowsAsync<TokenProviderException>(() => client.QueryChannelAsync("messaging", "stale").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Failure, Is.EqualTo(TokenProviderFailure.SameTokenReturned));
            Assert.That(server.Stats.RestRequests - requestsBefore, Is.EqualTo(1), "the rejected token was not sent again");
            Assert.That(provider.Calls, Is.EqualTo(1 + 3), "bounded attempts, no loop");
        });
    }

    [Test]
    public async Task Provider_that_never_answers_times_out_with_a_typed_error_and_is_cancelled()
    {
        await using var server = await Loopback.StartServerAsync();
        var clock = new TimerWatchingClock();
        var config = Loopback.Config(server, clock);
        config.TokenProviderTimeout = TimeSpan.FromSeconds(10);
        config.MaxTokenProviderAttempts = 1;
        var provider = new ScriptedProvider((_, _) => new TaskCompletionSource<Token>().Task); // ignores cancellation too
        await using var client = new ChatClient(config, provider.Provider);

        var connect = client.ConnectAsync();
        await provider.WaitForCallAsync(1);
        clock.Advance(await clock.NextTimerAsync(due => due == config.TokenProviderTimeout));
        var error = await Assert.ThrowsAsync<TokenProviderException>(() => connect.Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Failure, Is.EqualTo(TokenProviderFailure.TimedOut));
            Assert.That(error.InnerException, Is.TypeOf<TimeoutException>());
            Assert.That(provider.CancellationTokens[1].IsCancellationRequested, Is.True, "the provider was told to stop");
            Assert.That(server.Stats.WebSocketConnects, Is.Zero);
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    [Test]
    public async Task After_a_failed_refresh_new_rejections_share_its_error_for_the_cool_down_then_try_the_provider_again()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var clock = new TimerWatchingClock();
        var config = Loopback.Config(server, clock);
        config.MaxTokenProviderAttempts = 1;
        config.TokenProviderRetryBaseDelay = TimeSpan.FromSeconds(1);
        var outage = new InvalidOperationException("token service restarting");
        var provider = new ScriptedProvider((call, _) => call == 2 ? Task.FromException<Token>(outage) : Task.FromResult(Tokens.Issue(issuer, "xena", call)));
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();

        server.Faults.RejectNextRequests(1);
        var first = await Assert.ThrowsAsync<TokenProviderException>(() => client.QueryChannelAsync("messaging", "outage").Guard());
        server.Faults.RejectNextRequests(1);
        var duringCoolDown = await Assert.ThrowsAsync<TokenProviderException>(() => client.QueryChannelAsync("messaging", "outage").Guard());
        var callsDuringCoolDown = provider.Calls;
        clock.Advance(config.TokenProviderRetryBaseDelay);
        server.Faults.RejectNextRequests(1);
        var recovered = await client.QueryChannelAsync("messaging", "outage").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(duringCoolDown, Is.SameAs(first));
            Assert.That(callsDuringCoolDown, Is.EqualTo(2), "no provider call during the cool-down");
            Assert.That(provider.Calls, Is.EqualTo(3), "after the cool-down the provider is asked again");
            Assert.That(recovered.Cid, Is.EqualTo("messaging:outage"));
        });
    }

    [Test]
    public async Task Provider_returning_a_token_for_another_user_is_refused_without_sending_it()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, call == 1 ? "yara" : "someone-else", call));
        var config = Loopback.Config(server);
        config.MaxTokenProviderAttempts = 2;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(1);
        var requestsBefore = server.Stats.RestRequests;

        var error = await Assert.ThrowsAsync<TokenProviderException>(() => client.SendMessageAsync("messaging", "mine", "hi").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Failure, Is.EqualTo(TokenProviderFailure.InvalidToken));
            Assert.That(error.InnerException!.Message, Does.Contain("SwitchUserAsync"));
            Assert.That(provider.Calls, Is.EqualTo(1 + 2));
            Assert.That(server.Stats.RestRequests - requestsBefore, Is.EqualTo(1), "the other user's token was never sent");
        });
    }
}
