using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>
/// A burst: every watcher of a channel also sends one message at the same moment, so each connection's queue takes one
/// frame per sender at once. A watcher that is merely behind, still reading, must lose nothing (the default limits).
/// </summary>
public sealed class BurstTests : DevServerTest
{
    private const int Watchers = 200;

    [Test]
    public async Task Every_watcher_receives_every_message_of_a_burst_from_every_watcher()
    {
        await CreateChannelAsync("messaging", "burst");
        var users = Enumerable.Range(0, Watchers).Select(i => $"u{i}").ToArray();
        var clients = await Task.WhenAll(users.Select(user => ConnectAndWatchAsync(user)));
        try
        {
            // A hang guard for the whole burst, not a timing: a watcher that stops receiving ends with what it got.
            using var guard = new CancellationTokenSource(System.TimeSpan.FromSeconds(90));
            var receiving = clients.Select(client => Task.Run(() => client.ReceiveMessageIdsAsync("message.new", Watchers, guard.Token))).ToArray();
            var posts = await Task.WhenAll(users.Select(user => Task.Run(() => PostAsync(user))));
            var received = await Task.WhenAll(receiving);

            var expected = users.Select(user => "from-" + user).OrderBy(id => id, System.StringComparer.Ordinal).ToArray();
            Assert.Multiple(() =>
            {
                Assert.That(posts, Is.All.EqualTo(HttpStatusCode.Created), "every send was accepted");
                Assert.That(received.Sum(ids => ids.Count), Is.EqualTo(Watchers * Watchers), "message.new events delivered in all");
                Assert.That(received.Count(ids => ids.Count == Watchers), Is.EqualTo(Watchers), "watchers that got every message");
                Assert.That(received[0].OrderBy(id => id, System.StringComparer.Ordinal), Is.EqualTo(expected), "one event per message, none twice");
                Assert.That(Server.Stats.DroppedConnections, Is.Zero, "no watcher was dropped for being behind");
            });
        }
        finally
        {
            await Task.WhenAll(clients.Select(client => client.DisposeAsync().AsTask()));
        }
    }

    private async Task<WsClient> ConnectAndWatchAsync(string user)
    {
        var client = await WsClient.ConnectAsync(Server, user, UserToken(user));
        var connectionId = (await client.ReceiveAsync())!["connection_id"]!.GetValue<string>();
        var body = new JsonObject { ["watch"] = true, ["connection_id"] = connectionId }.ToJsonString();
        var watch = await Api.PostAsync("/channels/messaging/burst/query", body, UserToken(user));
        Assert.That(watch.Status, Is.EqualTo(HttpStatusCode.OK), watch.Body.ToJsonString());
        return client;
    }

    private async Task<HttpStatusCode> PostAsync(string user)
    {
        var body = new JsonObject { ["message"] = new JsonObject { ["id"] = "from-" + user, ["text"] = "hello from " + user } }.ToJsonString();
        return (await Api.PostAsync("/channels/messaging/burst/message", body, UserToken(user))).Status;
    }
}
