using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests;

/// <summary>Health checks every interval keep the socket alive; a silent socket is dropped and re-established.</summary>
[Category("Connection")]
public sealed class HealthCheckTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(25);

    [Test]
    public async Task Health_checks_answered_by_the_server_keep_a_quiet_connection_open()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var device = new TimerWatchingClock();
        await using var client = new ChatClient(Loopback.Config(server, device, loggerFactory), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("vera"))));
        await client.ConnectAsync().Guard();
        var connectionId = client.ConnectionId;

        for (var tick = 1; tick <= 4; tick++)
        {
            device.Advance(Interval);
            await Eventually.HoldsAsync(() => HealthChecksReceived(logs) >= tick); // each answer to our check
        }

        Assert.Multiple(() =>
        {
            Assert.That(client.ConnectionId, Is.EqualTo(connectionId));
            Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(1));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
    }

    [Test]
    public async Task Connection_silent_for_two_intervals_is_dropped_and_reconnected()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var device = new TimerWatchingClock();
        var config = Loopback.Config(server, device);
        config.ReconnectBaseDelay = TimeSpan.Zero; // reconnect attempts must not wait on the fake clock
        await using var client = new ChatClient(config, TokenProvider.Static(Token.Parse(issuer.CreateUserToken("walt"))));
        await client.ConnectAsync().Guard();
        var states = new StateRecorder(client);
        var connectionId = client.ConnectionId;

        device.Advance(Interval * 3); // as if the network went quiet: nothing arrived for 75 s
        await states.WaitForAsync(ConnectionState.Reconnecting);
        await states.WaitForAsync(ConnectionState.Connected);

        Assert.Multiple(() =>
        {
            Assert.That(client.ConnectionId, Is.Not.EqualTo(connectionId));
            Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(2));
        });
    }

    private static int HealthChecksReceived(CapturingLoggerProvider logs) =>
        logs.Entries.Count(entry => entry.Contains("Received event health.check", StringComparison.Ordinal));
}
