using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>A network that goes quiet or slow: stalled sockets, stalled handshakes, delayed bytes.</summary>
public sealed class StallTests : FaultTest
{
    public enum HandshakeStage
    {
        /// <summary>The upgrade request is accepted and never answered.</summary>
        BeforeUpgrade,

        /// <summary>The server's 101 arrives, its first frame never does.</summary>
        AfterUpgrade,
    }

    [Test]
    public async Task Stalled_socket_misses_its_health_checks_then_reconnects_watches_again_and_delivers()
    {
        var device = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var world = await FaultHarness.StartAsync(device);
        var client = world.Client(world.Provider("jan"), config => config.ReconnectBaseDelay = TimeSpan.Zero); // no waits on the fake clock
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "stalled", watch: true).Guard();
        var states = new StateRecorder(client);
        var connectionId = client.ConnectionId;

        Assert.That(world.Proxy.StallWebSockets(), Is.EqualTo(1));
        device.Advance(client.Config.HealthCheckInterval * 3); // nothing arrives for three intervals
        await states.WaitForReconnectAsync();

        Assert.That(client.ConnectionId, Is.Not.EqualTo(connectionId));
        await FaultHarness.AssertDeliversAsync(client, "stalled");
        await world.AssertReleasedAsync(client);
    }

    [TestCase(HandshakeStage.BeforeUpgrade)]
    [TestCase(HandshakeStage.AfterUpgrade)]
    public async Task Stalled_handshake_fails_the_connect_after_the_request_timeout(HandshakeStage stage)
    {
        var device = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var world = await FaultHarness.StartAsync(device);
        var client = world.Client(world.Provider("kai"));
        world.Proxy.Next(ConnectionKind.WebSocket, stage == HandshakeStage.BeforeUpgrade ? new NextConnection.Stall() : new NextConnection.StallAfterUpgrade());

        var connect = client.ConnectAsync();
        await Eventually.HoldsAsync(() => world.Proxy.Held == 1);
        device.Advance(client.Config.RequestTimeout);
        var error = await Outcome.OfAsync(connect);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>().With.Message.Contains("RequestTimeout"));
            Assert.That(error!.InnerException, Is.InstanceOf<TimeoutException>());
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Slow_network_still_connects_watches_and_delivers()
    {
        await using var world = await FaultHarness.StartAsync();
        world.Proxy.Delay = TimeSpan.FromMilliseconds(40);
        var client = world.Client(world.Provider("lou"));

        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "slow", watch: true).Guard();

        await FaultHarness.AssertDeliversAsync(client, "slow");
        await world.AssertReleasedAsync(client);
    }
}
