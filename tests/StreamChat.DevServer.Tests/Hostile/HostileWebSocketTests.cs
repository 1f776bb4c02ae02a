using System.Net;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// The hostile WebSocket corpus: a malformed connect gets the protocol's error frame (code, HTTP-like status, every field)
/// and a close with 1000; a frame the protocol has no use for closes with the matching status or is ignored. No case
/// leaves a 5xx, and the server accepts a normal connection afterwards.
/// </summary>
public sealed class HostileWebSocketTests : DevServerTest
{
    [TestCaseSource(typeof(HostileWebSocketCorpus), nameof(HostileWebSocketCorpus.Connects))]
    public async Task Malformed_connect_gets_the_error_frame_then_close_1000(HostileConnect hostile)
    {
        var query = hostile.Query.Replace("{key}", Server.ApiKey).Replace("{user}", UserToken("alice")).Replace("{server}", ServerToken());
        using var socket = await RawWebSocket.ConnectAsync(Server, "/connect?" + query);
        Assert.That(socket.HandshakeStatus, Is.EqualTo(101));
        var frame = await socket.ReceiveJsonAsync();
        ProtocolErrors.AssertBody(frame["error"]?.AsObject(), hostile.Code, hostile.Status);
        Assert.That(await socket.ReceiveCloseStatusAsync(), Is.EqualTo(1000));
        await AssertStillServingAsync();
    }

    [TestCaseSource(typeof(HostileWebSocketCorpus), nameof(HostileWebSocketCorpus.Frames))]
    public async Task Frame_the_protocol_has_no_use_for_closes_with_its_status_or_is_ignored(HostileFrame hostile)
    {
        using var socket = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "alice", UserToken("alice")));
        Assert.That((await socket.ReceiveJsonAsync())["type"]?.GetValue<string>(), Is.EqualTo("health.check"));

        await hostile.Send(socket);
        if (hostile.CloseStatus is { } status)
        {
            var closed = await socket.ReceiveCloseStatusAsync();
            Assert.That(closed, hostile.BestEffort ? Is.EqualTo(status).Or.Null : Is.EqualTo(status), "the close status, or (best effort) the end of the connection");
        }
        else
        {
            await socket.SendTextAsync("""[{"type":"health.check","client_id":"alice"}]""");
            Assert.That((await socket.ReceiveJsonAsync())["type"]?.GetValue<string>(), Is.EqualTo("health.check"), "ignored, and the connection goes on");
        }

        await AssertStillServingAsync();
    }

    private async Task AssertStillServingAsync()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "carol", UserToken("carol"));
        var first = await ws.ReceiveAsync();
        var query = await Api.PostAsync("/channels/messaging/general/query", "{}", UserToken("carol"));
        Assert.Multiple(() =>
        {
            Assert.That(first?["type"]?.GetValue<string>(), Is.EqualTo("health.check"), first?.ToJsonString());
            Assert.That(query.Status, Is.EqualTo(HttpStatusCode.OK), query.Body.ToJsonString());
            Assert.That(Server.Stats.ServerErrors, Is.Zero, "no 5xx, no exception escaped");
        });
    }
}
