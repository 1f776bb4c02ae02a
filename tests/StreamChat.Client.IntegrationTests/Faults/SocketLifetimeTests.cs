using System;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;
using StreamChat.Http;
using StreamChat.Realtime;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>One <see cref="ChatSocket"/> on its own: nothing of it may outlive its close.</summary>
public sealed class SocketLifetimeTests : FaultTest
{
    public enum Ending
    {
        CloseAsync,
        Dispose,
    }

    [TestCase(Ending.CloseAsync)]
    [TestCase(Ending.Dispose)]
    public async Task Start_after_the_socket_was_closed_creates_no_timer_and_reports_no_drop(Ending ending)
    {
        await using var world = await FaultHarness.StartAsync();
        using var connector = new WebSocketConnector(world.Config());
        var socket = await OpenAsync(world, connector, "zed");
        if (ending == Ending.CloseAsync)
        {
            await socket.CloseAsync().Guard();
        }
        else
        {
            socket.Dispose();
        }

        var timersBefore = world.Clock.CreatedTimers;
        var drops = 0;
        socket.Start((_, _) => { }, (_, _) => Interlocked.Increment(ref drops));
        await Eventually.HoldsAsync(() => world.Proxy.LiveConnections == 0);
        socket.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(world.Clock.CreatedTimers, Is.EqualTo(timersBefore), "no health-check timer for a closed socket");
            Assert.That(world.Clock.LiveTimers, Is.Zero);
            Assert.That(Volatile.Read(ref drops), Is.Zero, "a closed socket reports no drop");
        });
    }

    [Test]
    public async Task Disconnect_while_a_health_check_is_stuck_on_the_network_is_bounded_and_releases_everything()
    {
        var device = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var world = await FaultHarness.StartAsync(device);
        GatedStream? stream = null;
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return stream = new GatedStream(new NetworkStream(socket, ownsSocket: true));
            },
        });
        var client = world.Client(world.Provider("abe"), config =>
        {
            config.WebSocketInvoker = invoker;
            config.CloseTimeout = TimeSpan.FromMilliseconds(200);
        });
        await client.ConnectAsync().Guard();

        stream!.HoldWrites();
        device.Advance(client.Config.HealthCheckInterval); // the health check's send now waits on the full "network"
        await stream.WriteBlocked.Guard();
        await client.DisconnectAsync().Guard();

        Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        await world.AssertReleasedAsync(client);
    }

    private static Task<ChatSocket> OpenAsync(FaultHarness world, WebSocketConnector connector, string userId)
    {
        var config = world.Config();
        var token = Tokens.Issue(world.Issuer, userId, 1);
        var url = ConnectUrl.Build(config, userId, null, token);
        return ChatSocket.OpenAsync(url, connector, config, new ServerClock(config.TimeProvider, NullLogger.Instance), NullLogger.Instance, CancellationToken.None).Guard();
    }
}
