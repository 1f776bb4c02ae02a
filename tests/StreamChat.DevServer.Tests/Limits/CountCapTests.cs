using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Limits;

/// <summary>The count caps: users, channels, connections (per user and in all) and messages kept per channel.</summary>
public sealed class CountCapTests : DevServerTest
{
    protected override void Configure(DevServerOptions options)
    {
        options.MaxUsers = 3;
        options.MaxChannels = 2;
        options.MaxConnections = 3;
        options.MaxConnectionsPerUser = 2;
        options.MaxMessagesPerChannel = 3;
    }

    [Test]
    public async Task User_past_MaxUsers_gets_code_17_naming_the_option_and_existing_users_still_update()
    {
        await UpsertAsync("a", "b", "c");
        var refused = await UpsertAsync("d");
        var update = await UpsertAsync("a");
        refused.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("MaxUsers").And.Contain("3"));
            Assert.That(update.Status, Is.EqualTo(HttpStatusCode.Created));
        });
    }

    [Test]
    public async Task Connecting_as_a_new_user_past_MaxUsers_gets_the_code_17_error_frame()
    {
        await UpsertAsync("a", "b", "c");
        await using var ws = await WsClient.ConnectAsync(Server, "d", UserToken("d"));
        var frame = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(17), frame?.ToJsonString());
            Assert.That(frame?["error"]?["StatusCode"]?.GetValue<int>(), Is.EqualTo(403));
        });
    }

    [Test]
    public async Task Revocation_naming_too_many_new_users_creates_none()
    {
        await UpsertAsync("a", "b");
        var refused = await Api.PostAsync("/users/revoke_tokens", """{"user_ids":["a","x","y"],"revoke_tokens_issued_before":null}""", ServerToken());
        var third = await UpsertAsync("c");
        refused.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
        Assert.That(third.Status, Is.EqualTo(HttpStatusCode.Created), "x was not created, so there is room for c");
    }

    [Test]
    public async Task Channel_past_MaxChannels_gets_code_17_and_existing_channels_still_answer()
    {
        await CreateChannelAsync("messaging", "one");
        await CreateChannelAsync("messaging", "two");
        var refused = await Api.PostAsync("/channels/messaging/three/query", "{}", UserToken("owner"));
        var existing = await Api.PostAsync("/channels/messaging/one/query", "{}", UserToken("owner"));
        refused.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("MaxChannels"));
            Assert.That(existing.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Connection_past_MaxConnectionsPerUser_is_refused_until_one_closes()
    {
        var first = await ConnectedAsync("alice");
        await using var second = await ConnectedAsync("alice");
        await using (var third = await WsClient.ConnectAsync(Server, "alice", UserToken("alice")))
        {
            var frame = await third.ReceiveAsync();
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(17), frame?.ToJsonString());
            Assert.That(frame?["error"]?["message"]?.GetValue<string>(), Does.Contain("MaxConnectionsPerUser"));
        }

        await first.DisposeAsync();
        await Eventually.HoldsAsync(() => Server.Stats.OpenWebSockets == 1, "alice's first connection is forgotten");
        await using var again = await ConnectedAsync("alice");
    }

    [Test]
    public async Task Connection_past_MaxConnections_is_refused_whoever_it_is()
    {
        await using var alice = await ConnectedAsync("alice");
        await using var bob = await ConnectedAsync("bob");
        await using var carol = await ConnectedAsync("carol", authType: "anonymous");
        await using var dave = await WsClient.ConnectAsync(Server, "dave", token: null, authType: "anonymous");
        var frame = await dave.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(17), frame?.ToJsonString());
            Assert.That(frame?["error"]?["message"]?.GetValue<string>(), Does.Contain("MaxConnections"));
            Assert.That(Server.Stats.OpenWebSockets, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task Only_the_latest_MaxMessagesPerChannel_are_kept_and_only_their_ids_are_taken()
    {
        await CreateChannelAsync("messaging", "log");
        for (var i = 1; i <= 5; i++)
        {
            var sent = await Api.PostAsync("/channels/messaging/log/message", $$$"""{"message":{"id":"m{{{i}}}","text":"t{{{i}}}"}}""", UserToken("alice"));
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body.ToJsonString());
        }

        var kept = (await Api.PostAsync("/channels/messaging/log/query", """{"messages":{"limit":10}}""", UserToken("alice"))).Body["messages"]!.AsArray();
        var reusedDropped = await Api.PostAsync("/channels/messaging/log/message", """{"message":{"id":"m1","text":"again"}}""", UserToken("alice"));
        var reusedKept = await Api.PostAsync("/channels/messaging/log/message", """{"message":{"id":"m5","text":"again"}}""", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(kept.Select(m => m?["id"]?.GetValue<string>()), Is.EqualTo(new[] { "m3", "m4", "m5" }));
            Assert.That(reusedDropped.Status, Is.EqualTo(HttpStatusCode.Created), "the id of a dropped message is forgotten");
        });
        reusedKept.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Sync_past_MaxMessagesPerChannel_returns_only_the_messages_still_kept()
    {
        await CreateChannelAsync("messaging", "away");
        for (var i = 1; i <= 5; i++)
        {
            var sent = await Api.PostAsync("/channels/messaging/away/message", $$$"""{"message":{"id":"m{{{i}}}","text":"t{{{i}}}"}}""", UserToken("alice"));
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created), sent.Body.ToJsonString());
        }

        var synced = await Api.PostAsync("/sync", """{"channel_cids":["messaging:away"],"last_sync_at":"2001-01-01T00:00:00Z"}""", UserToken("alice"));
        Assert.That(synced.Status, Is.EqualTo(HttpStatusCode.OK), synced.Body.ToJsonString());
        var events = synced.Body["events"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(events.Select(e => e?["message"]?["id"]?.GetValue<string>()), Is.EqualTo(new[] { "m3", "m4", "m5" }), "m1 and m2 were dropped before the sync");
            Assert.That(events.Select(e => e?["type"]?.GetValue<string>()), Is.All.EqualTo("message.new"));
        });
    }

    private async Task<ApiResponse> UpsertAsync(params string[] ids)
    {
        ApiResponse? last = null;
        foreach (var id in ids)
        {
            last = await Api.PostAsync("/users", new JsonObject { ["users"] = new JsonObject { [id] = new JsonObject { ["id"] = id } } }.ToJsonString(), ServerToken());
        }

        return last!;
    }

    private async Task<WsClient> ConnectedAsync(string userId, string authType = "jwt")
    {
        var ws = await WsClient.ConnectAsync(Server, userId, authType == "jwt" ? UserToken(userId) : null, authType);
        var first = await ws.ReceiveAsync();
        Assert.That(first?["type"]?.GetValue<string>(), Is.EqualTo("health.check"), first?.ToJsonString());
        return ws;
    }
}
