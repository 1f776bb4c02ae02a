using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary><see cref="ChatClient.State"/> says Connected only with a connection: a drop racing a connect must not leave it so.</summary>
public sealed class StateRaceTests : FaultTest
{
    private const int Rounds = 25;

    [Test]
    public async Task Drops_racing_connects_never_raise_Connected_without_a_connection_and_the_last_event_matches_State()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("ria"));
        var changes = new ConcurrentQueue<ConnectionStateChangedEventArgs>();
        client.ConnectionStateChanged += (_, change) => changes.Enqueue(change);

        for (var round = 1; round <= Rounds; round++)
        {
            // The connect gets its health.check, then the connection drops: under the connect's feet.
            world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.DropAfterFirstFrame(DropMode.Reset));
            await client.ConnectAsync().Guard();
            await Eventually.HoldsAsync(() => world.Server.Stats.WebSocketConnects >= 2 * round && client.State == ConnectionState.Connected);
            await client.DisconnectAsync().Guard();
        }

        await client.ConnectAsync().Guard();
        await Eventually.HoldsAsync(() => changes.LastOrDefault()?.Current == ConnectionState.Connected);

        var connected = changes.Where(change => change.Current == ConnectionState.Connected).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(connected.Where(change => change.ConnectionId is null), Is.Empty, "Connected events without a connection id");
            Assert.That(changes.Last().Current, Is.EqualTo(client.State));
            Assert.That(changes.Last().ConnectionId, Is.EqualTo(client.ConnectionId));
            Assert.That(connected, Has.Count.GreaterThanOrEqualTo(Rounds + 1));
        });
        await world.AssertReleasedAsync(client);
    }
}
