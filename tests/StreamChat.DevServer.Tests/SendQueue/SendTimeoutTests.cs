using System;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>A send blocked by a client that stopped reading ends when the server's clock passes the send timeout.</summary>
public sealed class SendTimeoutTests : DevServerTest
{
    private const int MaxPosts = 400;
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggerFactory = null!;

    protected override void Configure(DevServerOptions options)
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        options.LoggerFactory = _loggerFactory;
        options.SendTimeout = SendTimeout;

        // Too large to overflow before the socket buffers fill: the timeout decides.
        options.SendQueueCapacity = 10_000;
        options.MaxMessageCustomDataBytes = 40 * 1024;
    }

    [TearDown]
    public void DisposeLogging() => _loggerFactory.Dispose();

    [Test]
    public async Task Send_that_outlasts_the_send_timeout_on_the_servers_clock_drops_the_connection()
    {
        await CreateChannelAsync("messaging", "room");
        using var stalled = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "bob", UserToken("bob")), receiveBufferSize: 1024);
        var connectionId = (await stalled.ReceiveJsonAsync())["connection_id"]!.GetValue<string>();
        var watch = await Api.PostAsync("/channels/messaging/room/query", new JsonObject { ["watch"] = true, ["connection_id"] = connectionId }.ToJsonString(), UserToken("bob"));
        Assert.That(watch.Status, Is.EqualTo(HttpStatusCode.OK), watch.Body.ToJsonString());

        var blob = new string('x', 30 * 1024);
        for (var i = 0; i < MaxPosts && Server.Stats.DroppedConnections == 0; i++)
        {
            var body = new JsonObject { ["message"] = new JsonObject { ["text"] = $"m{i}", ["blob"] = blob } }.ToJsonString();
            var posted = await Api.PostAsync("/channels/messaging/room/message", body, UserToken("alice")).Guard();
            Assert.That(posted.Status, Is.EqualTo(HttpStatusCode.Created), posted.Body.ToJsonString());
            Clock.Advance(SendTimeout + TimeSpan.FromSeconds(1));
        }

        await Eventually.HoldsAsync(() => Server.Stats.DroppedConnections == 1, "the stalled connection is dropped");
        Assert.Multiple(() =>
        {
            Assert.That(Server.Stats.OpenWebSockets, Is.Zero);
            Assert.That(string.Join("\n", _logs.Lines), Does.Contain("a send took longer than 10 s"));
        });
    }
}
