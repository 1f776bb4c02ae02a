using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>
/// A watcher that stops reading cannot stall a channel: its bounded send queue overflows, or a send outlasts the send
/// timeout, and that connection alone is dropped while the others keep receiving and every POST completes.
/// </summary>
public sealed class SlowWatcherTests : DevServerTest
{
    // Bounds the loops that fill socket buffers; far more than a 1 KiB receive buffer and loopback kernel buffers take.
    private const int MaxPosts = 400;
    private static readonly string Blob = new('x', 30 * 1024);

    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggerFactory = null!;

    protected override void Configure(DevServerOptions options)
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        options.LoggerFactory = _loggerFactory;
        options.SendQueueCapacity = 8;
        options.MaxMessageCustomDataBytes = 40 * 1024;
    }

    [TearDown]
    public void DisposeLogging() => _loggerFactory.Dispose();

    [Test]
    public async Task Watcher_that_stops_reading_is_dropped_alone_while_another_receives_every_message()
    {
        await CreateChannelAsync("messaging", "room");
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
            Assert.That(string.Join("\n", _logs.Lines), Does.Contain("send queue is full"));
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
            Assert.That(string.Join("\n", _logs.Lines), Does.Contain("send queue is full"));
        });
    }

    private async Task<RawWebSocket> ConnectStalledAsync(string userId)
    {
        // A 1 KiB receive buffer, and nothing read after the first frame: back-pressure builds at once.
        var socket = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, userId, UserToken(userId)), receiveBufferSize: 1024);
        Assert.That(socket.HandshakeStatus, Is.EqualTo(101));
        await WatchAsync(userId, (await socket.ReceiveJsonAsync())["connection_id"]!.GetValue<string>());
        return socket;
    }

    private async Task WatchAsync(string userId, string connectionId)
    {
        var body = new JsonObject { ["watch"] = true, ["connection_id"] = connectionId }.ToJsonString();
        var watch = await Api.PostAsync("/channels/messaging/room/query", body, UserToken(userId));
        Assert.That(watch.Status, Is.EqualTo(HttpStatusCode.OK), watch.Body.ToJsonString());
    }

    private async Task PostAsync(string id)
    {
        var body = new JsonObject { ["message"] = new JsonObject { ["id"] = id, ["text"] = id, ["blob"] = Blob } }.ToJsonString();
        var response = await Api.PostAsync("/channels/messaging/room/message", body, UserToken("alice")).Guard();
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Body.ToJsonString());
    }
}
