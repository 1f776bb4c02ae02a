using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>Watched channels are watched again after a reconnect, a bounded few at a time, and can be released.</summary>
public sealed class RewatchTests : FaultTest
{
    private const int Channels = 300;

    [Test]
    public async Task Three_hundred_watched_channels_are_watched_again_in_far_fewer_than_300_round_trips()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectAsync("rita");
        await Task.WhenAll(Enumerable.Range(0, Channels).Select(i => client.QueryChannelAsync("messaging", $"many-{i}", watch: true))).Guard();

        world.Proxy.Delay = TimeSpan.FromMilliseconds(50);
        world.Proxy.ResetRoundTrips();
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForReconnectAsync();
        var (peak, roundTrips) = world.Proxy.RestRoundTrips();
        world.Proxy.Delay = TimeSpan.Zero;
        TestContext.Out.WriteLine($"re-watching {Channels} channels: {roundTrips} round trips, at most {peak} requests at once");

        Assert.Multiple(() =>
        {
            Assert.That(roundTrips, Is.LessThanOrEqualTo(Channels / 4), "round trips on the longest chain of requests");
            Assert.That(peak, Is.LessThanOrEqualTo(8), "requests at once are bounded");
        });
        await FaultHarness.AssertDeliversAsync(client, "many-0");
        await FaultHarness.AssertDeliversAsync(client, $"many-{Channels - 1}");
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task A_channel_no_longer_watched_raises_nothing_also_after_a_reconnect()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("stu", "kept");
        await client.QueryChannelAsync("messaging", "released", watch: true).Guard();
        var received = new ConcurrentQueue<string>();
        client.MessageReceived += (_, e) => received.Enqueue(e.Cid + " " + e.Message.Text);
        await using var sender = new ChatClient(Loopback.Config(world.Server), world.Provider("sue").Provider);
        await sender.ConnectAsync().Guard();

        await client.StopWatchingAsync("messaging", "released").Guard();
        var watchersAfterStop = await WatcherCountAsync(world, "released");
        await SendBothAsync(sender, received, "first");
        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForReconnectAsync();
        await SendBothAsync(sender, received, "second");

        var releasedWatchers = await WatcherCountAsync(world, "released");
        var keptWatchers = await WatcherCountAsync(world, "kept");

        Assert.Multiple(() =>
        {
            Assert.That(received, Is.EqualTo(new[] { "messaging:kept first", "messaging:kept second" }));
            Assert.That(watchersAfterStop, Is.Zero, "the server was told");
            Assert.That(releasedWatchers, Is.Zero, "the new connection does not watch it");
            Assert.That(keptWatchers, Is.EqualTo(1));
        });
        await sender.DisposeAsync();
        await world.AssertReleasedAsync(client);
    }

    // As the server sees it, asked server-side.
    private static async Task<int> WatcherCountAsync(FaultHarness world, string channelId)
    {
        using var http = new HttpClient { BaseAddress = world.Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/messaging/{channelId}/query?api_key={world.Server.ApiKey}")
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", world.Issuer.CreateServerToken());
        request.Headers.Add("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request).Guard();
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["watcher_count"]!.GetValue<int>();
    }

    // Released first, kept second: once the kept one's message is here, the released one's would have been too.
    private static async Task SendBothAsync(ChatClient sender, ConcurrentQueue<string> received, string text)
    {
        await sender.SendMessageAsync("messaging", "released", text).Guard();
        await sender.SendMessageAsync("messaging", "kept", text).Guard();
        await Eventually.HoldsAsync(() => received.Contains("messaging:kept " + text));
    }
}
