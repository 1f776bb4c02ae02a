using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>
/// Base for the send-queue tests: a server with large messages and captured logs, a channel <c>messaging:room</c>, and a
/// watcher that stops reading after its first frame, with a 1 KiB receive buffer so back-pressure builds at once.
/// </summary>
public abstract class StalledWatcherTest : DevServerTest
{
    /// <summary>Bounds the loops that fill socket buffers; far more than loopback kernel buffers take.</summary>
    protected const int MaxPosts = 400;

    private static readonly string Blob = new('x', 30 * 1024);

    private readonly CapturingLoggerProvider _logs = new();
    private ILoggerFactory _loggerFactory = null!;

    protected string Log => string.Join("\n", _logs.Lines);

    protected abstract void ConfigureQueue(DevServerOptions options);

    protected sealed override void Configure(DevServerOptions options)
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
        options.LoggerFactory = _loggerFactory;
        options.MaxMessageCustomDataBytes = 40 * 1024;
        ConfigureQueue(options);
    }

    [SetUp]
    public Task CreateRoomAsync() => CreateChannelAsync("messaging", "room");

    [TearDown]
    public void DisposeLogging() => _loggerFactory.Dispose();

    internal async Task<RawWebSocket> ConnectStalledAsync(string userId)
    {
        var socket = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, userId, UserToken(userId)), receiveBufferSize: 1024);
        Assert.That(socket.HandshakeStatus, Is.EqualTo(101));
        await WatchAsync(userId, (await socket.ReceiveJsonAsync())["connection_id"]!.GetValue<string>());
        return socket;
    }

    internal async Task WatchAsync(string userId, string connectionId)
    {
        var body = new JsonObject { ["watch"] = true, ["connection_id"] = connectionId }.ToJsonString();
        var watch = await Api.PostAsync("/channels/messaging/room/query", body, UserToken(userId));
        Assert.That(watch.Status, Is.EqualTo(HttpStatusCode.OK), watch.Body.ToJsonString());
    }

    /// <summary>Posts a message of about 30 KB as alice; every POST must complete, whoever stopped reading.</summary>
    internal async Task PostAsync(string id)
    {
        var body = new JsonObject { ["message"] = new JsonObject { ["id"] = id, ["text"] = id, ["blob"] = Blob } }.ToJsonString();
        var response = await Api.PostAsync("/channels/messaging/room/message", body, UserToken("alice")).Guard();
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Body.ToJsonString());
    }
}
