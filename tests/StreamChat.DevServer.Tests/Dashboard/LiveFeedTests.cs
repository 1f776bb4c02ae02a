using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>The live feed: server-sent events with a snapshot at once and another after every change, ended when the server stops.</summary>
public sealed class LiveFeedTests : DashboardTest
{
    [Test]
    public async Task Feed_sends_a_snapshot_at_once_and_another_when_a_connection_opens()
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/live", cookie: cookie);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextSnapshotAsync(events);
        await using var socket = await WsClient.ConnectAsync(Server, "lou", UserToken("lou"));
        await socket.ReceiveAsync();
        var second = await NextSnapshotAsync(events);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/event-stream"));
            Assert.That(first["connections"]?["total"]?.GetValue<int>(), Is.Zero);
            Assert.That(second["connections"]?["rows"]?[0]?["user_id"]?.GetValue<string>(), Is.EqualTo("lou"));
            Assert.That(second["connections"]?["rows"]?[0]?["auth"]?.GetValue<string>(), Is.EqualTo("jwt"));
            Assert.That(second["connections"]?["rows"]?[0]?["since"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:00.000000Z"));
            Assert.That(second["users"]?["rows"]?[0]?["online"]?.GetValue<bool>(), Is.True);
            Assert.That(second["users"]?["rows"]?[0]?["last_seen"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:00.000000Z"));
        });
    }

    [Test]
    public async Task Snapshot_lists_refusals_by_code_and_the_latest_with_where_they_happened()
    {
        await Api.PostAsync("/channels/messaging/general/query", "{}", Token.Development("dee").RawValue);
        await Api.PostAsync("/channels/nope/general/query", "{}", UserToken("dee"));
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/live", cookie: cookie);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());

        var snapshot = await NextSnapshotAsync(events);

        var byCode = snapshot["refusals"]!["by_code"]!.AsArray();
        var latest = snapshot["refusals"]!["recent"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(byCode, Has.Count.EqualTo(9), "codes 2, 4, 5, 16, 17 and 40-43, even at zero");
            Assert.That(byCode.Find(5), Is.EqualTo(1));
            Assert.That(byCode.Find(4), Is.EqualTo(1));
            Assert.That(byCode.Find(43), Is.Zero);
            Assert.That(latest[0]?["code"]?.GetValue<int>(), Is.EqualTo(4), "newest first");
            Assert.That(latest[0]?["where"]?.GetValue<string>(), Is.EqualTo("POST /channels/nope/general/query"));
            Assert.That(latest[1]?["message"]?.GetValue<string>(), Does.Contain("development tokens"));
        });
    }

    [Test]
    public async Task Stopping_the_server_ends_an_open_feed()
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/live", cookie: cookie);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync());
        await NextSnapshotAsync(events);

        await Server.DisposeAsync().AsTask().Guard();

        Assert.That(await ReadToEndOrFailAsync(events), Is.True, "the stream ended");
    }

    private static async Task<JsonObject> NextSnapshotAsync(StreamReader events)
    {
        using var guard = HangGuard.Start();
        while (await events.ReadLineAsync(guard.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonNode.Parse(line["data: ".Length..])!.AsObject();
            }
        }

        throw new AssertionException("The feed ended before a snapshot.");
    }

    private static async Task<bool> ReadToEndOrFailAsync(StreamReader events)
    {
        using var guard = HangGuard.Start();
        try
        {
            await events.ReadToEndAsync(guard.Token);
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }
}

/// <summary>Reads the refusal counts of a snapshot.</summary>
internal static class RefusalCounts
{
    public static int Find(this JsonArray byCode, int code)
    {
        foreach (var entry in byCode)
        {
            if (entry?["code"]?.GetValue<int>() == code)
            {
                return entry["count"]!.GetValue<int>();
            }
        }

        throw new AssertionException($"Code {code} is not listed.");
    }
}
