using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>
/// The permission rules: anonymous visitors read livestream channels only; guests read and watch, post only in livestream
/// channels and create nothing; users do everything; server tokens act for the user they name; admin APIs need a server token.
/// </summary>
public sealed class PermissionTests : DevServerTest
{
    [Test]
    public async Task Anonymous_may_read_a_livestream_channel()
    {
        await CreateChannelAsync("livestream", "show");
        var response = await Api.AnonymousPostAsync("/channels/livestream/show/query", "{}");
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
            Assert.That(response.Body["channel"]?["type"]?.GetValue<string>(), Is.EqualTo("livestream"));
        });
    }

    [Test]
    public async Task Anonymous_may_not_read_a_messaging_channel()
    {
        await CreateChannelAsync("messaging", "private");
        var response = await Api.AnonymousPostAsync("/channels/messaging/private/query", "{}");
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Anonymous_may_not_create_a_livestream_channel()
    {
        var response = await Api.AnonymousPostAsync("/channels/livestream/new-show/query", "{}");
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Anonymous_may_not_send_a_message_even_in_livestream()
    {
        await CreateChannelAsync("livestream", "show");
        var response = await Api.AnonymousPostAsync("/channels/livestream/show/message", """{"message":{"text":"hi"}}""");
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Guest_may_read_an_existing_messaging_channel()
    {
        await CreateChannelAsync("messaging", "lobby");
        var response = await Api.PostAsync("/channels/messaging/lobby/query", "{}", await GuestTokenAsync("g1"));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
    }

    [Test]
    public async Task Guest_may_not_create_a_channel()
    {
        var response = await Api.PostAsync("/channels/messaging/guest-made/query", "{}", await GuestTokenAsync("g1"));
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Guest_may_send_in_livestream_but_not_in_messaging()
    {
        await CreateChannelAsync("livestream", "show");
        await CreateChannelAsync("messaging", "lobby");
        var token = await GuestTokenAsync("g1");
        var livestream = await Api.PostAsync("/channels/livestream/show/message", """{"message":{"text":"hi"}}""", token);
        var messaging = await Api.PostAsync("/channels/messaging/lobby/message", """{"message":{"text":"hi"}}""", token);
        Assert.That(livestream.Status, Is.EqualTo(HttpStatusCode.Created), livestream.Body.ToJsonString());
        messaging.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task User_may_create_read_and_send_in_any_channel_type()
    {
        var token = UserToken("alice");
        foreach (var type in new[] { "messaging", "livestream", "team", "gaming", "commerce" })
        {
            var query = await Api.PostAsync($"/channels/{type}/c1/query", "{}", token);
            var send = await Api.PostAsync($"/channels/{type}/c1/message", """{"message":{"text":"hello"}}""", token);
            Assert.Multiple(() =>
            {
                Assert.That(query.Status, Is.EqualTo(HttpStatusCode.OK), $"{type}: {query.Body.ToJsonString()}");
                Assert.That(send.Status, Is.EqualTo(HttpStatusCode.Created), $"{type}: {send.Body.ToJsonString()}");
                Assert.That(send.Body["message"]?["user"]?["id"]?.GetValue<string>(), Is.EqualTo("alice"));
            });
        }
    }

    [Test]
    public async Task Server_token_acts_for_the_user_it_names()
    {
        await CreateChannelAsync("messaging", "ops", createdBy: "boss");
        var send = await Api.PostAsync("/channels/messaging/ops/message", """{"message":{"text":"deploying","user_id":"bot"}}""", ServerToken());
        var state = await Api.PostAsync("/channels/messaging/ops/query", "{}", ServerToken());
        Assert.Multiple(() =>
        {
            Assert.That(send.Body["message"]?["user"]?["id"]?.GetValue<string>(), Is.EqualTo("bot"));
            Assert.That(state.Body["channel"]?["created_by"]?["id"]?.GetValue<string>(), Is.EqualTo("boss"));
        });
    }

    [Test]
    public async Task Server_token_must_name_the_creator_of_a_new_channel()
    {
        var response = await Api.PostAsync("/channels/messaging/orphan/query", "{}", ServerToken());
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Server_token_must_name_the_sender_of_a_message()
    {
        await CreateChannelAsync("messaging", "ops");
        var response = await Api.PostAsync("/channels/messaging/ops/message", """{"message":{"text":"who am I"}}""", ServerToken());
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [TestCase("PATCH", "/app", """{"revoke_tokens_issued_before":null}""")]
    [TestCase("POST", "/users/revoke_tokens", """{"user_ids":["alice"],"revoke_tokens_issued_before":null}""")]
    [TestCase("POST", "/users", """{"users":{"alice":{"id":"alice"}}}""")]
    [TestCase("PATCH", "/users", """{"users":[{"id":"alice","set":{"name":"A"}}]}""")]
    public async Task Admin_endpoints_refuse_user_tokens_with_code_17(string method, string path, string body)
    {
        var response = await Api.SendAsync(new HttpMethod(method), path, body, UserToken("alice"));
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Admin_endpoints_refuse_anonymous_callers_with_code_17()
    {
        var response = await Api.SendAsync(HttpMethod.Patch, "/app", """{"revoke_tokens_issued_before":null}""", token: null, authType: "anonymous");
        response.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    [Test]
    public async Task Server_upsert_may_make_a_user_a_guest()
    {
        var upsert = await Api.PostAsync("/users", """{"users":{"carol":{"id":"carol","role":"guest"}}}""", ServerToken());
        var create = await Api.PostAsync("/channels/messaging/carols/query", "{}", UserToken("carol"));
        Assert.That(upsert.Body["users"]?["carol"]?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
        create.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
    }

    private async Task<string> GuestTokenAsync(string id)
    {
        var response = await Api.AnonymousPostAsync("/guest", new JsonObject { ["user"] = new JsonObject { ["id"] = id } }.ToJsonString());
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created), response.Body.ToJsonString());
        return response.Body["access_token"]!.GetValue<string>();
    }
}
