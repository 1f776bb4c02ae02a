using System.Collections.Generic;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>
/// A watcher that stops reading cannot stall a channel: its bounded send queue overflows and that connection alone is
/// dropped, while the others keep receiving and every POST completes.
/// </summary>
public sealed class SlowWatcherTests : StalledWatcherTest
{
    protected override void ConfigureQueue(DevServerOptions options) => options.SendQueueCapacity = 8;

    [Test]
    public async Task Watcher_that_stops_reading_is_dropped_alone_while_another_receives_every_message()
    {
        await using var fast = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await WatchAsync("alice", (await fast.ReceiveAsync())!["connection_id"]!.GetValue<string>());
        using var stalled = await ConnectStalledAsync("bob");

        // Lockstep: the reading watcher gets each message before the next is posted, so only the stalled one falls behind.
        var posted = new List<string>();
        var delivered = new List<string>();
        for (var afterDrop = 5; afterDrop > 0;)
        {
            Assert.That(posted, Has.Count.LessThan(MaxPosts), "the stalled watcher was never dropped");
            var id = $"m{posted.Count}";
            await PostAsync(id);
            posted.Add(id);
            delivered.Add((await fast.ReceiveEventAsync("message.new"))["message"]!["id"]!.GetValue<string>());
            afterDrop -= Server.Stats.DroppedConnections > 0 ? 1 : 0;
        }

        Assert.Multiple(() =>
        {
            Assert.That(delivered, Is.EqualTo(posted), "the reading watcher got every message, in order");
            Assert.That(Server.Stats.DroppedConnections, Is.EqualTo(1));
            Assert.That(Server.Stats.OpenWebSockets, Is.EqualTo(1), "only the stalled connection was dropped");
            Assert.That(Log, Does.Contain("send queue is full"));
        });
    }

    [Test]
    public async Task Health_check_replies_go_through_the_same_queue()
    {
        using var stalled = await ConnectStalledAsync("bob");
        for (var i = 0; i < 50_000 && Server.Stats.DroppedConnections == 0; i++)
        {
            try
            {
                await stalled.SendTextAsync("""[{"type":"health.check","client_id":"bob"}]""");
            }
            catch (System.IO.IOException)
            {
                break;
            }
        }

        await Eventually.HoldsAsync(() => Server.Stats.DroppedConnections == 1, "the stalled connection is dropped");
        Assert.Multiple(() =>
        {
            Assert.That(Server.Stats.OpenWebSockets, Is.Zero);
            Assert.That(Log, Does.Contain("send queue is full"));
        });
    }
}
