using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 item 7: proactive refresh before <c>exp</c> on the server's clock (from <c>Date</c> headers), never the device clock alone.</summary>
[Category("Lifecycle")]
public sealed class ProactiveRefreshTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    [TestCase(+5)]
    [TestCase(-5)]
    public async Task Refresh_is_planned_from_the_server_clock_when_the_device_clock_is_hours_off(int serverAheadHours)
    {
        var device = new TimerWatchingClock();
        var serverClock = new FakeTimeProvider(device.GetUtcNow().AddHours(serverAheadHours));
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "quinn", call, Lifetime));
        var config = Loopback.Config(server, device);
        config.HealthCheckInterval = TimeSpan.FromDays(1); // fake time jumps minutes at once; keep the socket's liveness check out of it
        config.ProactiveTokenRefresh = true;
        config.ProactiveTokenRefreshMargin = Margin;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "clock").Guard();

        // By the device clock the token expires 5 hours early or late; by the server's, in 10 minutes.
        var planned = await device.NextTimerAsync(due => due > config.RequestTimeout);
        var callsBeforeDue = provider.Calls;
        serverClock.Advance(planned); // the server's clock first: the provider mints the next token on it
        device.Advance(planned);
        await provider.WaitForCallAsync(2);
        serverClock.Advance(TimeSpan.FromMinutes(2)); // past the first token's exp by the server's clock
        device.Advance(TimeSpan.FromMinutes(2));
        var channel = await client.QueryChannelAsync("messaging", "clock").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(planned, Is.InRange(Lifetime - Margin - TimeSpan.FromSeconds(3), Lifetime - Margin), "planned at exp - margin on the server's clock");
            Assert.That(callsBeforeDue, Is.EqualTo(1), "nothing refreshed before the planned time");
            Assert.That(channel.Cid, Is.EqualTo("messaging:clock"));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.Zero, "no request ever met an expired token");
        });
    }

    [Test]
    public async Task Proactive_refresh_does_not_loop_when_the_new_token_expires_no_later_than_the_old_one()
    {
        var device = new TimerWatchingClock();
        var serverClock = new FakeTimeProvider(device.GetUtcNow());
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "sam", call, Lifetime)); // minted on a server clock that stands still
        var config = Loopback.Config(server, device);
        config.HealthCheckInterval = TimeSpan.FromDays(1);
        config.ProactiveTokenRefresh = true;
        config.ProactiveTokenRefreshMargin = Margin;
        await using var client = new ChatClient(config, provider.Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "loop").Guard();

        device.Advance(await device.NextTimerAsync(due => due > config.RequestTimeout));
        await provider.WaitForCallAsync(2);
        await client.QueryChannelAsync("messaging", "loop").Guard(); // waits for the refresh in flight

        Assert.That(provider.Calls, Is.EqualTo(2), "a replacement that does not outlive the old token is not refreshed again at once");
    }
}
