using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Faults;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Telemetry;

/// <summary>The WebSocket as a listener sees it: reconnect attempts, state changes, events and dropped frames, through the fault proxy.</summary>
[Category("Telemetry")]
public sealed class ConnectionTelemetryTests : FaultTest
{
    [Test]
    public async Task Reconnect_records_a_span_per_attempt_the_state_changes_and_the_rewatch()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("kai", "telemetry-reconnect");
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);
        world.Proxy.Next(ConnectionKind.WebSocket, new NextConnection.AnswerUpgrade(WebSocketFrames.Text("not json")));

        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Fin);
        await states.WaitForReconnectAsync();
        await FaultHarness.AssertDeliversAsync(client, "telemetry-reconnect");

        var attempts = telemetry.SpansNamed("streamchat.reconnect").ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Select(span => span.GetTagItem("streamchat.reconnect.attempt")), Is.EqualTo(new object[] { 1, 2 }));
            Assert.That(attempts.Select(span => span.GetTagItem("streamchat.reconnect.outcome")), Is.EqualTo(new object[] { "failed", "connected" }));
            Assert.That(attempts[0].Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(attempts[0].GetTagItem("error.type"), Is.EqualTo(typeof(ChatConnectionException).FullName));
            Assert.That(attempts.Select(span => span.Parent), Is.All.Null, "a reconnect is a trace of its own, not part of the old connect");
            Assert.That(attempts.Select(span => span.GetTagItem("server.port")), Is.All.EqualTo(world.Proxy.BaseUrl.Port));
            Assert.That(telemetry.Sum("streamchat.client.reconnect.attempts", ("streamchat.reconnect.outcome", "failed")), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.reconnect.attempts", ("streamchat.reconnect.outcome", "connected")), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.connection.state_changes", ("streamchat.connection.state", "reconnecting"), ("streamchat.connection.previous_state", "connected")), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.connection.state_changes", ("streamchat.connection.state", "connected"), ("streamchat.connection.previous_state", "reconnecting")), Is.EqualTo(1));
            Assert.That(telemetry.Count("streamchat.client.connection.state.duration", ("streamchat.connection.state", "connected")), Is.EqualTo(1), "the time connected before the drop");
            Assert.That(telemetry.Count("streamchat.client.connection.state.duration", ("streamchat.connection.state", "reconnecting")), Is.EqualTo(1));
            Assert.That(telemetry.SpansNamed("POST /channels/{type}/{id}/query").Count(), Is.GreaterThanOrEqualTo(1), "the watched channel was watched again");
            Assert.That(telemetry.Sum("streamchat.client.events.received", ("streamchat.event.type", "message.new")), Is.GreaterThanOrEqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.frames.dropped", ("streamchat.frame.reason", "not_json")), Is.EqualTo(1), "the garbage answer to the first attempt");
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Unreadable_and_oversized_frames_are_counted_by_reason()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("lea", "telemetry-frames");
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);

        await world.Proxy.InjectAsync(WebSocketFrames.Binary([0x00, 0xFF]));
        await world.Proxy.InjectAsync(WebSocketFrames.Text("<html>proxy error</html>"));
        await FaultHarness.AssertDeliversAsync(client, "telemetry-frames"); // both were read and skipped by now
        await world.Proxy.InjectAsync(WebSocketFrames.OversizedJson(5 * 1024 * 1024));
        await states.WaitForReconnectAsync();

        Assert.Multiple(() =>
        {
            Assert.That(telemetry.Sum("streamchat.client.frames.dropped", ("streamchat.frame.reason", "binary")), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.frames.dropped", ("streamchat.frame.reason", "not_json")), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.client.frames.dropped", ("streamchat.frame.reason", "oversized")), Is.EqualTo(1));
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Event_types_the_protocol_does_not_name_are_counted_as_other_so_a_server_cannot_grow_the_series()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, _) = await world.ConnectWatchingAsync("lea", "telemetry-types");
        using var telemetry = new TelemetryRecorder(name => name == ChatClientTelemetry.Name);

        for (var i = 0; i < 50; i++)
        {
            await world.Proxy.InjectAsync(WebSocketFrames.Text($$"""{"type":"made.up.{{i}}","created_at":"2026-12-07T00:00:00Z"}"""));
        }

        await FaultHarness.AssertDeliversAsync(client, "telemetry-types"); // every injected frame was read by now

        var types = telemetry.Of("streamchat.client.events.received").Select(m => (string?)m.Tags["streamchat.event.type"]).Distinct().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(telemetry.Sum("streamchat.client.events.received", ("streamchat.event.type", "other")), Is.EqualTo(50));
            Assert.That(types, Has.None.StartsWith("made.up"), string.Join(", ", types));
            Assert.That(types, Does.Contain("message.new"), "a known type keeps its name");
        });
        await world.AssertReleasedAsync(client);
    }
}
