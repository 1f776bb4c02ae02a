using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// 200 official JavaScript clients in one Node process watch one channel and each sends one message at the same moment:
/// every watcher receives every message (the dev server's send queues hold a burst instead of dropping the slow party).
/// </summary>
public sealed class JsBurstTests
{
    private const int Clients = 200;
    private const string ChannelId = "burst";

    [Test]
    public async Task Every_official_client_receives_every_message_of_a_burst()
    {
        await using var server = await DevServer.DevServer.StartAsync(new DevServerOptions());
        using var issuer = new UserTokenIssuer(server.ApiSecret);
        await CreateChannelAsync(server, issuer);

        var environment = new Dictionary<string, string> { ["STREAM_CHANNEL_ID"] = ChannelId, ["BURST_CLIENTS"] = $"{Clients}" };
        var message = await NodeScenario.RunAsync(
            "burst",
            server,
            request => Task.FromResult(new JsonObject { ["token"] = issuer.CreateUserToken(request["user"]!.GetValue<string>()) }),
            environment,
            script: "burst.mjs");

        Assert.That(message["ok"]?.GetValue<bool>(), Is.True, $"The burst failed: {message["error"]?.ToJsonString()}");
        var result = message["result"]!;
        Assert.Multiple(() =>
        {
            Assert.That(result["delivered"]?.GetValue<int>(), Is.EqualTo(Clients * Clients), "message.new events delivered in all");
            Assert.That(result["complete"]?.GetValue<int>(), Is.EqualTo(Clients), "clients that received every message");
            Assert.That(result["duplicates"]?.GetValue<int>(), Is.Zero);
            Assert.That(server.Stats.DroppedConnections, Is.Zero, "no client was dropped for being behind");
        });
    }

    private static async Task CreateChannelAsync(DevServer.DevServer server, UserTokenIssuer issuer)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/messaging/{ChannelId}/query?api_key={server.ApiKey}")
        {
            Content = new StringContent("""{"data":{"created_by_id":"host"}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", issuer.CreateServerToken());
        request.Headers.Add("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request);
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
