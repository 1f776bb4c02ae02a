using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>WebSocket connections that end under the client: idle, mid-handshake, mid-refresh, mid-switch, mid-frame.</summary>
public sealed class DropTests : FaultTest
{
    [TestCase(DropMode.Fin)]
    [TestCase(DropMode.Reset)]
    public async Task Idle_connection_dropped_reconnects_and_delivers_again(DropMode mode)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("ann", "idle-drop");
        var connectionId = client.ConnectionId;

        Assert.That(world.Proxy.Drop(ConnectionKind.WebSocket, mode), Is.EqualTo(1));
        await states.WaitForReconnectAsync();

        Assert.That(client.ConnectionId, Is.Not.Null.And.Not.EqualTo(connectionId));
        await FaultHarness.AssertDeliversAsync(client, "idle-drop");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Connection_dropped_during_a_token_refresh_reconnects_with_the_refreshed_token_after_one_provider_call()
    {
        await using var world = await FaultHarness.StartAsync();
        var slowRefresh = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider((call, _) => call == 1 ? Task.FromResult(Tokens.Issue(world.Issuer, "bea", call)) : slowRefresh.Task);
        var client = world.Client(provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "refresh-drop", watch: true).Guard();
        var states = new StateRecorder(client);
        world.Server.Faults.RejectNextRequests(1);
        var query = client.QueryChannelAsync("messaging", "refresh-drop");
        await provider.WaitForCallAsync(2);

        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForAsync(ConnectionState.Reconnecting);
        slowRefresh.SetResult(Tokens.Issue(world.Issuer, "bea", 2));
        await states.WaitForAsync(ConnectionState.Connected);
        var queryError = await Outcome.OfAsync(query);

        Assert.Multiple(() =>
        {
            Assert.That(queryError, Is.Null, "the rejected request went out again with the new token");
            Assert.That(provider.Calls, Is.EqualTo(2), "the reconnect waited for the refresh in flight instead of starting one");
        });
        await FaultHarness.AssertDeliversAsync(client, "refresh-drop");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Connection_reset_in_the_connect_handshake_fails_the_connect_with_a_connection_error()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("cal"));
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Drop(DropMode.Reset));

        var error = await Outcome.OfAsync(client.ConnectAsync());
        var stateAfterFailure = client.State;
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "handshake-reset", watch: true).Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>());
            Assert.That(stateAfterFailure, Is.EqualTo(ConnectionState.Disconnected));
        });
        await FaultHarness.AssertDeliversAsync(client, "handshake-reset");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Connection_closed_before_the_upgrade_answer_is_retried_by_the_http_stack_and_connects()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("cid"));
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Drop(DropMode.Fin));

        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "handshake-fin", watch: true).Guard();

        // SocketsHttpHandler sends a GET again on a new connection when the old one closed before any response byte.
        Assert.That(world.Proxy.Requests(ConnectionKind.WebSocket), Is.EqualTo(2));
        await FaultHarness.AssertDeliversAsync(client, "handshake-fin");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Connections_always_closed_in_the_handshake_fail_the_connect_with_a_connection_error()
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("cyd"));
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Drop(DropMode.Fin), count: 20);

        var error = await Outcome.OfAsync(client.ConnectAsync());
        var stateAfterFailure = client.State;
        world.Proxy.DiscardPlans();
        await client.ConnectAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>());
            Assert.That(stateAfterFailure, Is.EqualTo(ConnectionState.Disconnected));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [TestCase(DropMode.Fin)]
    [TestCase(DropMode.Reset)]
    public async Task Connections_dropped_right_after_the_upgrade_during_a_reconnect_are_retried(DropMode mode)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("dan", "upgrade-drop");
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.DropAfterUpgrade(mode), count: 2);

        world.Proxy.Drop(ConnectionKind.WebSocket, mode);
        await states.WaitForReconnectAsync();

        Assert.That(world.Proxy.Requests(ConnectionKind.WebSocket), Is.EqualTo(4), "the first connect, two cut handshakes, the good one");
        await FaultHarness.AssertDeliversAsync(client, "upgrade-drop");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Connection_dropped_in_the_handshake_of_SwitchUserAsync_fails_the_switch_and_never_calls_the_old_provider()
    {
        await using var world = await FaultHarness.StartAsync();
        var oldUser = world.Provider("eve");
        var newUser = world.Provider("fay");
        var client = world.Client(oldUser);
        await client.ConnectAsync().Guard();
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Drop(DropMode.Reset));

        var error = await Outcome.OfAsync(client.SwitchUserAsync(newUser.Provider));
        var stateAfterFailure = client.State;
        var notConnected = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "switch-drop"));
        var user = await client.ConnectAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>());
            Assert.That(stateAfterFailure, Is.EqualTo(ConnectionState.Disconnected));
            Assert.That(notConnected, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.NotConnected));
            Assert.That(user.Id, Is.EqualTo("fay"), "a later connect is the new user's");
            Assert.That(oldUser.Calls, Is.EqualTo(1), "the old user's provider is never called again");
        });
        await client.QueryChannelAsync("messaging", "switch-drop", watch: true).Guard();
        await FaultHarness.AssertDeliversAsync(client, "switch-drop");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Old_connection_dropped_while_switching_user_never_reconnects_the_old_user()
    {
        await using var world = await FaultHarness.StartAsync();
        var oldUser = world.Provider("gil");
        var newUser = world.Provider("hoa");
        var client = world.Client(oldUser);
        await client.ConnectAsync().Guard();

        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        var user = await client.SwitchUserAsync(newUser.Provider).Guard();
        await client.QueryChannelAsync("messaging", "switch-race", watch: true).Guard();
        await FaultHarness.AssertDeliversAsync(client, "switch-race");

        // A reconnect of the old user that raced the switch is closed with its session: one connection stays.
        await Eventually.HoldsAsync(() => world.Server.Stats.OpenWebSockets == 1);
        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("hoa"));
            Assert.That(oldUser.Calls, Is.EqualTo(1));
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Frame_cut_in_the_middle_is_a_broken_connection_that_reconnects_and_watches_again()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("ivo", "cut-frame");
        var connectionId = client.ConnectionId;

        Assert.That(world.Proxy.CutNextFrames(), Is.EqualTo(1));
        await client.SendMessageAsync("messaging", "cut-frame", "its event is cut in half").Guard();
        await states.WaitForReconnectAsync();

        Assert.That(client.ConnectionId, Is.Not.EqualTo(connectionId));
        await FaultHarness.AssertDeliversAsync(client, "cut-frame");
        await world.AssertReleasedAsync(client);
    }
}
