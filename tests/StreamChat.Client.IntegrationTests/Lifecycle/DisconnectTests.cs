using System;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 item 5: disconnect and user switch cancel the refresh and fail pending work; connect and disconnect are serialized.</summary>
[Category("Lifecycle")]
public sealed class DisconnectTests
{
    [Test]
    public async Task Disconnect_during_a_refresh_fails_the_waiters_with_the_disconnected_error_and_never_calls_the_provider_again()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var late = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider((call, _) => call == 1 ? Task.FromResult(Tokens.Issue(issuer, "lena", call)) : late.Task);
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(5);
        var requestsBefore = server.Stats.RestRequests;
        var waiters = Enumerable.Range(0, 5).Select(_ => client.QueryChannelAsync("messaging", "leaving")).ToArray();
        await provider.WaitForCallAsync(2);

        await client.DisconnectAsync().Guard();
        var failures = await Task.WhenAll(waiters.Select(w => Assert.CatchAsync<ChatDisconnectedException>(() => w.Guard())));
        late.SetResult(Tokens.Issue(issuer, "lena", 2)); // the provider answers too late: the answer must be dropped
        var afterwards = await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.QueryChannelAsync("messaging", "leaving").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(failures.Select(f => f!.Reason), Is.All.EqualTo(DisconnectReason.Disconnected));
            Assert.That(provider.CancellationTokens[2].IsCancellationRequested, Is.True, "the refresh in flight was cancelled");
            Assert.That(provider.Calls, Is.EqualTo(2));
            Assert.That(server.Stats.RestRequests - requestsBefore, Is.LessThanOrEqualTo(5), "each request went out at most once: none was retried after the disconnect");
            Assert.That(afterwards!.Reason, Is.EqualTo(DisconnectReason.NotConnected));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    [Test]
    public async Task Switching_user_during_a_refresh_fails_old_waiters_and_never_calls_the_old_provider_again()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var late = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var oldProvider = new ScriptedProvider((call, _) => call == 1 ? Task.FromResult(Tokens.Issue(issuer, "mike", call)) : late.Task);
        var newProvider = new ScriptedProvider(call => Tokens.Issue(issuer, "nina", call));
        await using var client = new ChatClient(Loopback.Config(server), oldProvider.Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "switch").Guard();
        server.Faults.RejectNextRequests(3);
        var waiters = Enumerable.Range(0, 3).Select(_ => client.SendMessageAsync("messaging", "switch", "as mike")).ToArray();
        await oldProvider.WaitForCallAsync(2);

        var newUser = await client.SwitchUserAsync(newProvider.Provider).Guard();
        var failures = await Task.WhenAll(waiters.Select(w => Assert.CatchAsync<ChatDisconnectedException>(() => w.Guard())));
        late.SetResult(Tokens.Issue(issuer, "mike", 2));

        // Only the new user's send to a channel of its own is rejected: an old send the server gets to late (the waiters
        // gave up on it, but it may still be on its way under load) cannot take the rejection meant for the new user.
        server.Faults.RejectNextRequestsTo("/channels/messaging/switch-nina/message", 1);
        await client.QueryChannelAsync("messaging", "switch-nina").Guard();
        var message = await client.SendMessageAsync("messaging", "switch-nina", "as nina").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(newUser.Id, Is.EqualTo("nina"));
            Assert.That(failures.Select(f => f!.Reason), Is.All.EqualTo(DisconnectReason.UserSwitched));
            Assert.That(oldProvider.CancellationTokens[2].IsCancellationRequested, Is.True);
            Assert.That(oldProvider.Calls, Is.EqualTo(2), "the old user's provider is never called again");
            Assert.That(newProvider.Calls, Is.EqualTo(2), "the 40 after the switch refreshed with the new provider");
            Assert.That(message.User?.Id, Is.EqualTo("nina"));
        });
    }

    [Test]
    public async Task Disconnect_during_connect_fails_the_connect_with_the_disconnected_error()
    {
        await using var server = await Loopback.StartServerAsync();
        var never = new TaskCompletionSource<Token>(TaskCreationOptions.RunContinuationsAsynchronously);
        var provider = new ScriptedProvider((_, _) => never.Task);
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);

        var connect = client.ConnectAsync();
        await provider.WaitForCallAsync(1);
        await client.DisconnectAsync().Guard();
        var error = await Assert.ThrowsAsync<ChatDisconnectedException>(() => connect.Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Reason, Is.EqualTo(DisconnectReason.Disconnected));
            Assert.That(provider.Calls, Is.EqualTo(1));
            Assert.That(server.Stats.WebSocketConnects, Is.Zero);
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    [Test]
    public async Task Concurrent_connects_open_exactly_one_socket_with_one_provider_call()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "olga", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);

        var users = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.ConnectAsync())).Guard();

        Assert.Multiple(() =>
        {
            Assert.That(users.Select(u => u.Id), Is.All.EqualTo("olga"));
            Assert.That(provider.Calls, Is.EqualTo(1));
            Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Interleaved_connects_and_disconnects_end_in_the_state_of_the_last_call()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "pete", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);

        var calls = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? client.ConnectAsync() : client.DisconnectAsync()).ToArray();
        var outcomes = await Task.WhenAll(calls.Select(async call =>
        {
            try
            {
                await call;
                return null;
            }
            catch (Exception exception)
            {
                return exception;
            }
        })).Guard();
        await client.ConnectAsync().Guard();
        var watched = await client.QueryChannelAsync("messaging", "serial", watch: true).Guard();
        var connectedState = client.State;
        await client.DisconnectAsync().Guard();
        await Eventually.HoldsAsync(() => server.Stats.OpenWebSockets == 0);

        Assert.Multiple(() =>
        {
            Assert.That(outcomes.Where(e => e is not null), Is.All.TypeOf<ChatDisconnectedException>(), "a connect may only be cut short by a disconnect");
            Assert.That(connectedState, Is.EqualTo(ConnectionState.Connected));
            Assert.That(watched.Cid, Is.EqualTo("messaging:serial"), "the server knows the connection id the client holds");
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
            Assert.That(client.ConnectionId, Is.Null);
        });
    }
}
