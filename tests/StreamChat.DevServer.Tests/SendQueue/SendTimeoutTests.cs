using System;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.SendQueue;

/// <summary>A send blocked by a client that stopped reading ends when the server's clock passes the send timeout.</summary>
public sealed class SendTimeoutTests : StalledWatcherTest
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    // A queue too large to overflow before the socket buffers fill: the timeout decides.
    protected override void ConfigureQueue(DevServerOptions options)
    {
        options.SendTimeout = SendTimeout;
        options.MaxSendQueueBytes = 1024 * 1024 * 1024;
    }

    [Test]
    public async Task Send_that_outlasts_the_send_timeout_on_the_servers_clock_drops_the_connection()
    {
        using var stalled = await ConnectStalledAsync("bob");
        for (var i = 0; i < MaxPosts && Server.Stats.DroppedConnections == 0; i++)
        {
            await PostAsync($"m{i}");
            Clock.Advance(SendTimeout + TimeSpan.FromSeconds(1));
        }

        await Eventually.HoldsAsync(() => Server.Stats.DroppedConnections == 1, "the stalled connection is dropped");
        Assert.Multiple(() =>
        {
            Assert.That(Server.Stats.OpenWebSockets, Is.Zero);
            Assert.That(Log, Does.Contain("the client read nothing for 10 s"));
        });
    }
}
