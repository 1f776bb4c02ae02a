using System.Net;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>Error frames in place of the first health check while reconnecting: the service's trouble is retried, the user's ends the session.</summary>
public sealed class ErrorFrameTests : FaultTest
{
    [TestCase(500)]
    [TestCase(503)]
    [TestCase(429)]
    public async Task Error_frame_with_a_server_side_status_during_a_reconnect_is_retried(int status)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("ada", "error-frame");
        var frame = WebSocketFrames.Text("{\"error\":{\"code\":-1,\"message\":\"internal error\",\"StatusCode\":" + status + ",\"duration\":\"0ms\"}}");
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.AnswerUpgrade(frame), count: 2);

        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForReconnectAsync();

        Assert.That(world.Proxy.Requests(ConnectionKind.WebSocket), Is.EqualTo(4));
        await FaultHarness.AssertDeliversAsync(client, "error-frame");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Terminal_error_code_during_a_reconnect_ends_the_session_and_fails_the_watch_waiting_for_it()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("bo");
        await world.DropAndHoldTheReconnectAsync(states);
        var watch = client.QueryChannelAsync("messaging", "never-watched", watch: true);

        world.Server.Faults.RejectNextConnects(1, StreamErrorCode.TokenSignatureInvalid);
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        var ended = await states.WaitForAsync(ConnectionState.Disconnected);
        var watchError = await Outcome.OfAsync(watch);
        var later = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "never-watched"));

        Assert.Multiple(() =>
        {
            Assert.That(ended.Error, Is.InstanceOf<ChatApiException>().With.Property(nameof(ChatApiException.Code)).EqualTo(StreamErrorCode.TokenSignatureInvalid));
            Assert.That(((ChatApiException)ended.Error!).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(watchError, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.ConnectionLost));
            Assert.That(later, Is.InstanceOf<ChatDisconnectedException>().With.Property(nameof(ChatDisconnectedException.Reason)).EqualTo(DisconnectReason.ConnectionLost));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
        await world.AssertReleasedAsync(client);
    }
}
