using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>Channels: get-or-create, watch with a connection, send, and <c>message.new</c> to every watcher.</summary>
public sealed class ChannelTests : DevServerTest
{
    [Test]
    public async Task Watchers_receive_message_new_with_the_sent_message()
    {
        await using var alice = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await using var bob = await WsClient.ConnectAsync(Server, "bob", UserToken("bob"));
        var aliceConnection = (await alice.ReceiveAsync())!["connection_id"]!.GetValue<string>();
        var bobConnection = (await bob.ReceiveAsync())!["connection_id"]!.GetValue<string>();

        var watchA = await Api.PostAsync("/channels/messaging/room/query", Watch(aliceConnection), UserToken("alice"));
        var watchB = await Api.PostAsync("/channels/messaging/room/query", Watch(bobConnection), UserToken("bob"));
        Assert.That(watchB.Body["watcher_count"]?.GetValue<int>(), Is.EqualTo(2), watchB.Body.ToJsonString());
        Assert.That(watchA.Status, Is.EqualTo(HttpStatusCode.OK));

        var sent = await Api.PostAsync("/channels/messaging/room/message", """{"message":{"id":"m-1","text":"hello bob"}}""", UserToken("alice"));
        var atBob = await bob.ReceiveEventAsync("message.new");
        var atAlice = await alice.ReceiveEventAsync("message.new");
        Assert.Multiple(() =>
        {
            Assert.That(sent.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(sent.Body["message"]?["id"]?.GetValue<string>(), Is.EqualTo("m-1"));
            Assert.That(atBob["cid"]?.GetValue<string>(), Is.EqualTo("messaging:room"));
            Assert.That(atBob["message"]?["text"]?.GetValue<string>(), Is.EqualTo("hello bob"));
            Assert.That(atBob["message"]?["user"]?["id"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(atBob["user"]?["id"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(atAlice["message"]?["id"]?.GetValue<string>(), Is.EqualTo("m-1"));
        });
    }

    [Test]
    public async Task Anonymous_watcher_of_a_livestream_receives_message_new()
    {
        await CreateChannelAsync("livestream", "show");
        await using var viewer = await WsClient.ConnectAsync(Server, "viewer", token: null, authType: "anonymous");
        var connection = (await viewer.ReceiveAsync())!["connection_id"]!.GetValue<string>();
        var watch = await Api.AnonymousPostAsync("/channels/livestream/show/query", Watch(connection));
        Assert.That(watch.Status, Is.EqualTo(HttpStatusCode.OK), watch.Body.ToJsonString());

        await Api.PostAsync("/channels/livestream/show/message", """{"message":{"text":"welcome","user_id":"host"}}""", ServerToken());
        var received = await viewer.ReceiveEventAsync("message.new");
        Assert.That(received["message"]?["text"]?.GetValue<string>(), Is.EqualTo("welcome"));
    }

    [Test]
    public async Task Concurrent_get_or_create_yields_one_channel()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Api.PostAsync("/channels/team/race/query", "{}", UserToken($"user-{i}"))));
        var creators = responses.Select(r => r.Body["channel"]?["created_by"]?["id"]?.GetValue<string>()).Distinct().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(responses.Select(r => r.Status), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(creators, Has.Count.EqualTo(1), "every caller sees the same channel");
        });
    }

    [Test]
    public async Task A_user_may_not_watch_with_another_users_connection()
    {
        await using var alice = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        var connection = (await alice.ReceiveAsync())!["connection_id"]!.GetValue<string>();
        var response = await Api.PostAsync("/channels/messaging/room/query", Watch(connection), UserToken("mallory"));
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Query_returns_the_latest_messages_up_to_the_limit()
    {
        var token = UserToken("alice");
        for (var i = 1; i <= 3; i++)
        {
            await Api.PostAsync("/channels/messaging/log/query", "{}", token);
            await Api.PostAsync("/channels/messaging/log/message", $$$"""{"message":{"text":"m{{{i}}}"}}""", token);
        }

        var response = await Api.PostAsync("/channels/messaging/log/query", """{"messages":{"limit":2}}""", token);
        var messages = response.Body["messages"]!.AsArray();
        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Count.EqualTo(2));
            Assert.That(messages[0]?["text"]?.GetValue<string>(), Is.EqualTo("m2"));
            Assert.That(messages[1]?["text"]?.GetValue<string>(), Is.EqualTo("m3"));
        });
    }

    [Test]
    public async Task Message_id_that_is_taken_is_code_4()
    {
        var token = UserToken("alice");
        await Api.PostAsync("/channels/messaging/dup/query", "{}", token);
        await Api.PostAsync("/channels/messaging/dup/message", """{"message":{"id":"same","text":"one"}}""", token);
        var response = await Api.PostAsync("/channels/messaging/dup/message", """{"message":{"id":"same","text":"two"}}""", token);
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Channel_data_and_members_are_kept()
    {
        await Api.PostAsync("/users", """{"users":{"bob":{"id":"bob","name":"Bob"}}}""", ServerToken());
        var response = await Api.PostAsync("/channels/messaging/pair/query", """{"data":{"name":"Pair","members":["alice","bob"]}}""", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Body["channel"]?["name"]?.GetValue<string>(), Is.EqualTo("Pair"));
            Assert.That(response.Body["channel"]?["member_count"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(response.Body["members"]?[1]?["user"]?["name"]?.GetValue<string>(), Is.EqualTo("Bob"));
        });
    }

    private static string Watch(string connectionId) =>
        new JsonObject { ["state"] = true, ["watch"] = true, ["connection_id"] = connectionId }.ToJsonString();
}
