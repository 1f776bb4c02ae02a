using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.DevServer;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Telemetry;

/// <summary>The dev server's instruments report the numbers the dashboard shows, read from the same state.</summary>
[Category("Telemetry")]
public sealed class DevServerTelemetryTests
{
    [Test]
    public async Task Instruments_report_the_dashboards_numbers_for_this_server()
    {
        using var telemetry = new TelemetryRecorder(name => name == DevServerTelemetry.Name);
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var client = new ChatClient(Loopback.Config(server), new ScriptedProvider(call => Tokens.Issue(issuer, "nia", call)).Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "metrics", watch: true).Guard();
        await client.SendMessageAsync("messaging", "metrics", "one").Guard();
        await client.SendMessageAsync("messaging", "metrics", "two").Guard();
        server.Faults.RejectNextRequests(1); // code 40 once: refused, refreshed, sent again
        await client.QueryChannelAsync("messaging", "metrics").Guard();

        telemetry.Collect();

        (string, object) port = ("server.port", server.BaseUrl.Port);
        Assert.Multiple(() =>
        {
            Assert.That(telemetry.Sum("streamchat.devserver.connections", port), Is.EqualTo(server.Stats.OpenWebSockets).And.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.devserver.connects", port), Is.EqualTo(server.Stats.WebSocketConnects).And.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.devserver.requests", port), Is.EqualTo(server.Stats.RestRequests));
            Assert.That(telemetry.Sum("streamchat.devserver.messages", port), Is.EqualTo(2));
            Assert.That(telemetry.Sum("streamchat.devserver.channels", port), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.devserver.users", port), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.devserver.refusals", port, ("streamchat.error.code", 40)), Is.EqualTo(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired)).And.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.devserver.dropped_connections", port), Is.Zero);
            Assert.That(telemetry.Sum("streamchat.devserver.server_errors", port), Is.Zero);
            var fanOuts = telemetry.SpansNamed("streamchat.devserver.fan_out").ToArray();
            Assert.That(fanOuts, Has.Length.EqualTo(2));
            Assert.That(fanOuts.Select(span => span.GetTagItem("streamchat.devserver.watchers")), Is.All.EqualTo(1));
        });
    }
}
