using System.Net;
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
        var verdict = await new TokenValidator(Server.ApiSecret, new TokenValidatorOptions { TimeProvider = Clock }).ValidateAsync(token!);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(response.Body["user"]?["id"]?.GetValue<string>(), Is.EqualTo("visitor"));
            Assert.That(response.Body["user"]?["name"]?.GetValue<string>(), Is.EqualTo("Visitor"));
            Assert.That(response.Body["user"]?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
            Assert.That(response.Body["duration"]?.GetValue<string>(), Does.EndWith("ms"));
            Assert.That(verdict.IsValid, Is.True, verdict.ToString());
            Assert.That(verdict.UserId, Is.EqualTo("visitor"));
            Assert.That(verdict.Token?.IssuedAt, Is.EqualTo(Start), "issued on the server's clock");
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
    public async Task Guest_may_not_take_the_id_of_a_regular_user()
    {
        await Api.PostAsync("/channels/messaging/x/query", "{}", UserToken("alice"));
        var response = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"alice"}}""");
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Guest_may_not_pick_its_role()
    {
        var response = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"sneaky","role":"admin"}}""");
        Assert.That(response.Body["user"]?["role"]?.GetValue<string>(), Is.EqualTo("guest"));
    }
}
