using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Faults;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Telemetry;

/// <summary>
/// No recorded value carries a credential or user text: a session that connects, refreshes, watches, sends, receives and
/// reconnects is recorded with every source and meter of the process (ours, HttpClient's, the in-process dev server's
/// ASP.NET Core), and every span name, status, tag, event and measurement tag is searched.
/// </summary>
[Category("Telemetry")]
public sealed class SecretsTests : FaultTest
{
    [Test]
    public async Task No_recorded_value_contains_a_token_the_secret_the_api_key_or_message_text()
    {
        await using var world = await FaultHarness.StartAsync();
        var issued = new ConcurrentBag<string>();
        var provider = new ScriptedProvider(call =>
        {
            var token = Tokens.Issue(world.Issuer, "mia", call);
            issued.Add(token.RawValue);
            return token;
        });
        using var telemetry = new TelemetryRecorder();
        var client = world.Client(provider, config => config.TelemetryIncludesUserId = false);
        var states = new StateRecorder(client);
        const string Text = "my private words 7f3a";

        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "secrets", watch: true).Guard();
        world.Server.Faults.RejectNextRequests(1); // code 40: a refresh
        await client.SendMessageAsync("messaging", "secrets", Text).Guard();
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForReconnectAsync();
        await FaultHarness.AssertDeliversAsync(client, "secrets");
        await world.AssertReleasedAsync(client);
        telemetry.Collect();

        var secrets = issued.Select(token => ("a token", token))
            .Concat(issued.Select(token => ("a token's signature", token[(token.LastIndexOf('.') + 1)..])))
            .Append(("the API secret", world.Server.ApiSecret))
            .Append(("the API key", world.Server.ApiKey))
            .Append(("the message text", Text))
            .ToArray();
        var values = telemetry.AllRecordedValues().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.GreaterThanOrEqualTo(2), "the session refreshed its token");
            Assert.That(telemetry.Spans.Select(span => span.Source.Name).Distinct(), Does.Contain(ChatClientTelemetry.Name).And.Contain("System.Net.Http"), "ours and HttpClient's spans were recorded");
            Assert.That(values, Has.Length.GreaterThan(100));
            foreach (var (what, secret) in secrets)
            {
                var leaks = values.Where(value => value.Value.Contains(secret, StringComparison.Ordinal)).Select(value => value.Where).Distinct().ToArray();
                Assert.That(leaks, Is.Empty, $"{what} was recorded in: {string.Join(", ", leaks)}");
            }
        });
    }
}
