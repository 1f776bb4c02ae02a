using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests;

/// <summary><c>POST /guest</c>: a signed token with role guest, for the id asked for.</summary>
public sealed class GuestTests : DevServerTest
{
    [Test]
    public async Task Guest_endpoint_issues_a_signed_token_for_a_guest_user()
    {
        var response = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"visitor","name":"Visitor"}}""");
        var token = response.Body["access_token"]?.GetValue<string>();
        var verdict = new TokenValidator(Server.ApiSecret, new TokenValidatorOptions { TimeProvider = Clock }).Validate(token!);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Body["user"]?["id"]?.GetValue<string>(), Is.EqualTo("visitor"));
            Assert.That(response.Body["user"]?["name"]?.GetValue<string>(), Is.EqualTo("Visitor"));
            Assert.That(response.Body["user"]?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
            Assert.That(response.Body["duration"]?.GetValue<string>(), Does.EndWith("ms"));
            Assert.That(verdict.IsValid, Is.True, verdict.ToString());
            Assert.That(verdict.UserId, Is.EqualTo("visitor"));
            Assert.That(verdict.IssuedAt, Is.EqualTo(Start), "issued on the server's clock");
        });
    }

    [Test]
    public async Task Guest_token_connects_the_WebSocket_as_a_guest()
    {
        var response = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"visitor"}}""");
        await using var ws = await WsClient.ConnectAsync(Server, "visitor", response.Body["access_token"]!.GetValue<string>());
        var me = (await ws.ReceiveAsync())?["me"];
        Assert.That(me?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
    }

    [Test]
    public async Task Guest_endpoint_still_checks_the_api_key()
    {
        var response = await Api.SendAsync(System.Net.Http.HttpMethod.Post, "/guest", """{"user":{"id":"visitor"}}""", authType: "anonymous", apiKey: "wrong");
        response.AssertError(StreamErrorCode.InvalidApiKeyOrMissingAuth, HttpStatusCode.Unauthorized);
    }

    [TestCase("{}")]
    [TestCase("""{"user":"visitor"}""")]
    [TestCase("""{"user":{"name":"no id"}}""")]
    [TestCase("""{"user":{"id":"has space"}}""")]
    public async Task Guest_request_without_a_valid_user_is_code_4(string body)
    {
        var response = await Api.AnonymousPostAsync("/guest", body);
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Guest_may_not_take_the_id_of_a_user_who_created_a_channel()
    {
        await Api.PostAsync("/channels/messaging/x/query", "{}", UserToken("alice"));
        await AssertNoGuestTokenAsync("alice");
    }

    [Test]
    public async Task Guest_may_not_take_the_id_of_a_user_created_by_connecting()
    {
        await using (var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice")))
        {
            Assert.That((await ws.ReceiveAsync())?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
        }

        await AssertNoGuestTokenAsync("alice");
    }

    [TestCase("user")]
    [TestCase("admin")]
    public async Task Guest_may_not_take_the_id_of_a_user_upserted_server_side(string role)
    {
        var upsert = await Api.PostAsync("/users", new JsonObject { ["users"] = new JsonObject { ["boss"] = new JsonObject { ["id"] = "boss", ["role"] = role } } }.ToJsonString(), ServerToken());
        Assert.That(upsert.Status, Is.EqualTo(HttpStatusCode.Created), upsert.Body.ToJsonString());
        await AssertNoGuestTokenAsync("boss");
    }

    [Test]
    public async Task Guest_may_come_back_for_a_new_token_and_a_user_upserted_as_guest_may_get_one()
    {
        await Api.PostAsync("/users", """{"users":{"invited":{"id":"invited","role":"guest"}}}""", ServerToken());
        var invited = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"invited"}}""");
        await Api.AnonymousPostAsync("/guest", """{"user":{"id":"visitor"}}""");
        var again = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"visitor"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(invited.Status, Is.EqualTo(HttpStatusCode.Created), invited.Body.ToJsonString());
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.Created), again.Body.ToJsonString());
        });
    }

    [Test]
    public async Task Guest_request_racing_a_user_connect_never_turns_the_user_into_a_guest()
    {
        // The check and the upsert are one step: whichever comes first decides, and the loser learns it.
        var races = Enumerable.Range(0, 25).Select(async i =>
        {
            var id = $"racer-{i}";
            var guest = Api.AnonymousPostAsync("/guest", GuestBody(id));
            await using var ws = await WsClient.ConnectAsync(Server, id, UserToken(id));
            var me = (await ws.ReceiveAsync())?["me"];
            return (Guest: (await guest).Status, Role: me?["role"]?.GetValue<string>());
        });
        foreach (var (guest, role) in await Task.WhenAll(races))
        {
            Assert.That(
                (guest, role),
                Is.EqualTo((HttpStatusCode.Created, "guest")).Or.EqualTo((HttpStatusCode.BadRequest, "user")),
                "a guest token is issued only while no user holds the id");
        }
    }

    [Test]
    public async Task Guest_may_not_pick_its_role()
    {
        var response = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"sneaky","role":"admin"}}""");
        Assert.That(response.Body["user"]?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
    }

    private async Task AssertNoGuestTokenAsync(string id)
    {
        var response = await Api.AnonymousPostAsync("/guest", GuestBody(id));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(response.Body["access_token"], Is.Null);
    }

    private static string GuestBody(string id) => new JsonObject { ["user"] = new JsonObject { ["id"] = id } }.ToJsonString();
}
