using System;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>Dispose, disconnect and switch racing connects and reconnects on a broken network.</summary>
public sealed class LifecycleRaceTests : FaultTest
{
    [Test]
    public async Task Dispose_while_reconnecting_ends_quietly_with_nothing_left()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("quin");
        await world.DropWhileRefusingAsync(states, attempts: 2);

        await world.AssertReleasedAsync(client);

        Assert.That(() => client.ConnectAsync(), Throws.InstanceOf<ObjectDisposedException>());
    }

    [Test]
    public async Task Disconnect_while_reconnecting_ends_quietly_and_a_later_connect_works()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("rae");
        await world.DropWhileRefusingAsync(states, attempts: 2);

        await client.DisconnectAsync().Guard();
        var stateAfterDisconnect = client.State;
        var notConnected = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "after-disconnect"));
        world.Proxy.AcceptAgain();
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "after-disconnect", watch: true).Guard();

        Assert.Multiple(() =>
        {
            Assert.That(stateAfterDisconnect, Is.EqualTo(ConnectionState.Disconnected));
            Assert.That(notConnected, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.NotConnected));
        });
        await FaultHarness.AssertDeliversAsync(client, "after-disconnect");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Dispose_during_a_stalled_connect_fails_the_connect_as_disposed()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("sam"), config => config.RequestTimeout = TimeSpan.FromMinutes(5));
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Stall());
        var connect = client.ConnectAsync();
        await Eventually.HoldsAsync(() => world.Proxy.Held == 1);

        await world.AssertReleasedAsync(client);

        Assert.That(await Outcome.OfAsync(connect), Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.Disposed));
    }

    [Test]
    public async Task Dispose_during_a_stalled_switch_fails_the_switch_as_disposed()
    {
        await using var world = await FaultHarness.StartAsync();
        var oldUser = world.Provider("tea");
        var client = world.Client(oldUser, config => config.RequestTimeout = TimeSpan.FromMinutes(5));
        await client.ConnectAsync().Guard();
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Stall());
        var switching = client.SwitchUserAsync(world.Provider("uma").Provider);
        await Eventually.HoldsAsync(() => world.Proxy.Held == 1);

        await world.AssertReleasedAsync(client);
        var error = await Outcome.OfAsync(switching);

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.Disposed));
            Assert.That(oldUser.Calls, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Connect_queued_behind_a_dispose_fails_as_disposed_and_opens_nothing()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("val"), config => config.RequestTimeout = TimeSpan.FromMinutes(5));
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Stall());
        var first = client.ConnectAsync();
        await Eventually.HoldsAsync(() => world.Proxy.Held == 1);
        var queued = client.ConnectAsync(); // waits for the first one's lifecycle lock

        await world.AssertReleasedAsync(client);
        var firstError = await Outcome.OfAsync(first);
        Exception? queuedError = null;
        try
        {
            await queued.Guard();
        }
        catch (Exception exception)
        {
            queuedError = exception;
        }

        Assert.Multiple(() =>
        {
            Assert.That(firstError, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.Disposed));
            Assert.That(queuedError, Is.InstanceOf<ObjectDisposedException>());
            Assert.That(world.Proxy.Requests(ConnectionKind.WebSocket), Is.EqualTo(1), "the queued connect opened no socket");
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    [Test]
    public async Task Dispose_racing_connect_and_switch_leaves_no_session_once_it_returned()
    {
        await using var world = await FaultHarness.StartAsync();
        for (var round = 0; round < 20; round++)
        {
            var client = world.Client(world.Provider("wes"));
            if (round % 2 == 1)
            {
                await client.ConnectAsync().Guard();
            }

            var connect = Task.Run(() => client.ConnectAsync());
            var switching = Task.Run(() => client.SwitchUserAsync(world.Provider("xia").Provider));
            if (round % 4 >= 2)
            {
                await Task.Yield();
            }

            await client.DisposeAsync().AsTask().Guard();
            var outcomes = await Task.WhenAll(Settled(connect), Settled(switching));

            Assert.Multiple(() =>
            {
                Assert.That(outcomes, Is.All.Null.Or.InstanceOf<ObjectDisposedException>().Or.InstanceOf<ChatDisconnectedException>(), $"round {round}");
                Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected), $"round {round}: a session was built after dispose returned");
                Assert.That(client.ConnectionId, Is.Null, $"round {round}");
            });
        }

        Assert.That(world.Clock.LiveTimers, Is.Zero);
        await Eventually.HoldsAsync(() => world.Proxy.Live(ConnectionKind.WebSocket) == 0 && world.Server.Stats.OpenWebSockets == 0);
    }

    [Test]
    public async Task Watch_during_a_reconnect_waits_for_the_new_connection_and_delivers_after_it()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("yan");
        await world.DropAndHoldTheReconnectAsync(states);

        var watch = client.QueryChannelAsync("messaging", "watched-while-reconnecting", watch: true);
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset); // the hung attempt fails; the next one connects
        await states.WaitForAsync(ConnectionState.Connected);

        Assert.That(await Outcome.OfAsync(watch), Is.Null);
        await FaultHarness.AssertDeliversAsync(client, "watched-while-reconnecting");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Watch_waiting_for_a_reconnect_ends_with_the_callers_own_cancellation()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("zoe");
        await world.DropAndHoldTheReconnectAsync(states);
        using var cancel = new CancellationTokenSource();

        var watch = client.QueryChannelAsync("messaging", "cancelled-watch", watch: true, cancel.Token);
        cancel.Cancel();

        Assert.That(async () => await watch.Guard(), Throws.InstanceOf<OperationCanceledException>());
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForAsync(ConnectionState.Connected);
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Watch_waiting_longer_than_the_request_timeout_for_a_reconnect_fails_with_a_connection_error()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("uri");
        client.Config.RequestTimeout = TimeSpan.FromMilliseconds(300); // read at each use: the connect above had the long one
        await world.DropWhileRefusingAsync(states);

        var error = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "late-watch", watch: true));
        world.Proxy.AcceptAgain();
        await states.WaitForAsync(ConnectionState.Connected);

        Assert.That(error, Is.InstanceOf<ChatConnectionException>().With.InnerException.InstanceOf<TimeoutException>());
        await world.AssertReleasedAsync(client);
    }

    private static async Task<Exception?> Settled(Task task)
    {
        try
        {
            await task.Guard();
            return null;
        }
        catch (Exception exception) when (exception is not TimeoutException)
        {
            return exception;
        }
    }
}
