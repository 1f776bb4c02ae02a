using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 items 1-2 on the WebSocket: code 40 on connect or reconnect refreshes the shared token and connects.</summary>
[Category("Lifecycle")]
public sealed class WebSocketRefreshTests
{
    [Test]
    public async Task Connect_rejected_with_40_refreshes_the_token_and_connects()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "carol", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        server.Faults.RejectNextConnects(1);

        var user = await client.ConnectAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("carol"));
            Assert.That(provider.Calls, Is.EqualTo(2));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
            Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Dropped_socket_whose_reconnect_gets_40_refreshes_and_reconnects()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "dave", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        var states = new StateRecorder(client);
        await client.ConnectAsync().Guard();
        var firstConnection = client.ConnectionId;
        server.Faults.RejectNextConnects(1);

        Assert.That(server.Faults.DropWebSockets(), Is.EqualTo(1));
        await states.WaitForAsync(ConnectionState.Reconnecting);
        await states.WaitForAsync(ConnectionState.Connected);

        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(2));
            Assert.That(client.ConnectionId, Is.Not.Null.And.Not.EqualTo(firstConnection));
            Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(2));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Reconnect_after_the_token_really_expired_fetches_a_fresh_token()
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "erin", call, TimeSpan.FromMinutes(10)));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        var states = new StateRecorder(client);
        serverClock.Advance(TimeSpan.FromMinutes(30));

        server.Faults.DropWebSockets();
        await states.WaitForAsync(ConnectionState.Connected);
        var channel = await client.QueryChannelAsync("messaging", "after-expiry").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(2));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1), "only the reconnect met the expired token");
            Assert.That(channel.Cid, Is.EqualTo("messaging:after-expiry"));
        });
    }
}
