using System;
using System.Buffers.Binary;
using System.Text;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>A close frame from the server mid-session: the client logs why and reconnects.</summary>
public sealed class ServerCloseTests : FaultTest
{
    [Test]
    public async Task Close_frame_mid_session_is_logged_with_its_status_and_reason_and_the_client_reconnects()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("kim", "closed-mid");
        var connectionId = client.ConnectionId;

        // What the dev server sends a client that fell more than its send-queue limit behind.
        const string Reason = "too slow: events were dropped; reconnect and sync";
        var payload = new byte[2 + Encoding.UTF8.GetByteCount(Reason)];
        BinaryPrimitives.WriteUInt16BigEndian(payload, 1013);
        Encoding.UTF8.GetBytes(Reason, payload.AsSpan(2));
        Assert.That(await world.Proxy.InjectAsync(WebSocketFrames.Frame(0x8, payload)), Is.EqualTo(1));
        await states.WaitForReconnectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(client.ConnectionId, Is.Not.EqualTo(connectionId), "a new connection");
            Assert.That(world.Logs.AllText, Does.Contain("The server closed the WebSocket connection: 1013 (" + Reason + ")"));
        });
        await FaultHarness.AssertDeliversAsync(client, "closed-mid");
        await world.AssertReleasedAsync(client);
    }
}
