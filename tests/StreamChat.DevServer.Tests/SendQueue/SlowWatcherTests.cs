using System.Collections.Generic;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>
/// A watcher that falls too far behind cannot stall a channel: past its send queue's byte limit that connection alone is
/// dropped, while the others keep receiving and every POST completes.
/// </summary>
public sealed class SlowWatcherTests : StalledWatcherTest
{
    protected override void ConfigureQueue(DevServerOptions options) => options.MaxSendQueueBytes = 256 * 1024;

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
            Assert.That(Log, Does.Contain("bytes were waiting to be sent"));
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
            Assert.That(Log, Does.Contain("bytes were waiting to be sent"));
        });
    }

    [Test]
    public async Task Watcher_too_far_behind_that_reads_again_gets_close_1013_with_a_reason()
    {
        using var behind = await ConnectStalledAsync("bob");
        for (var i = 0; i < MaxPosts && Server.Stats.DroppedConnections == 0; i++)
        {
            await PostAsync($"m{i}");
        }

        Assert.That(Server.Stats.DroppedConnections, Is.EqualTo(1), "the watcher went over the byte limit");

        // Reading again drains what was in flight, then the close frame says why: no abort, the client can log it.
        var events = 0;
        while (await behind.ReceiveFrameAsync() is { } frame)
        {
            if (frame.Opcode == RawWebSocket.Close)
            {
                Assert.Multiple(() =>
                {
                    Assert.That(System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(frame.Payload), Is.EqualTo(1013));
                    Assert.That(System.Text.Encoding.UTF8.GetString(frame.Payload, 2, frame.Payload.Length - 2), Does.Contain("too slow"));
                    Assert.That(events, Is.LessThan(MaxPosts), "queued events were discarded, not all sent");
                    Assert.That(Server.Stats.OpenWebSockets, Is.Zero, "a dropped connection no longer counts");
                });
                return;
            }

            events++;
        }

        Assert.Fail("the connection ended without a close frame");
    }
}
