using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>Bad input gets the protocol's error body with code 4 (or 16 for what does not exist), never a 500.</summary>
public sealed class BadRequestTests : DevServerTest
{
    [TestCase("{")]
    [TestCase("not json")]
    [TestCase("[1,2,3]")]
    [TestCase("\"text\"")]
    public async Task Body_that_is_not_a_JSON_object_is_code_4(string body)
    {
        var response = await Api.PostAsync("/channels/messaging/general/query", body, UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [TestCase("{}")]
    [TestCase("""{"message":"hi"}""")]
    [TestCase("""{"message":{}}""")]
    [TestCase("""{"message":{"text":42}}""")]
    [TestCase("""{"message":{"text":"   "}}""")]
    public async Task Message_without_valid_text_is_code_4(string body)
    {
        await CreateChannelAsync("messaging", "general");
        var response = await Api.PostAsync("/channels/messaging/general/message", body, UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Oversized_body_is_code_4_with_413()
    {
        var body = $$$"""{"message":{"text":"{{{new string('a', 70 * 1024)}}}"}}""";
        var response = await Api.PostAsync("/channels/messaging/general/message", body, UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.RequestEntityTooLarge);
    }

    [TestCase("alice", TestName = "Refused as too large (413)")]
    [TestCase(null, TestName = "Refused before the body is read (401)")]
    public async Task An_answer_that_leaves_an_oversized_body_unread_says_the_connection_closes(string? user)
    {
        // Kestrel cannot drain a body over its cap and closes the connection; without the header a client reusing the
        // connection had its next request cut, about one time in six.
        var body = $$$"""{"message":{"text":"{{{new string('a', 70 * 1024)}}}"}}""";
        var refused = await Api.PostAsync("/channels/messaging/general/message", body, user is null ? null : UserToken(user));
        var small = await Api.PostAsync("/channels/messaging/general/message", "{}", user is null ? null : UserToken(user));

        Assert.Multiple(() =>
        {
            Assert.That((int)refused.Status, Is.EqualTo(user is null ? 401 : 413));
            Assert.That(refused.Raw.Headers.ConnectionClose, Is.True);
            Assert.That(small.Raw.Headers.ConnectionClose, Is.Not.True, "a small refused body is drained and the connection kept");
        });
    }

    [Test]
    public async Task Too_long_message_text_is_code_4()
    {
        await CreateChannelAsync("messaging", "general");
        var body = $$$"""{"message":{"text":"{{{new string('a', 5001)}}}"}}""";
        var response = await Api.PostAsync("/channels/messaging/general/message", body, UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Unknown_channel_type_is_code_4()
    {
        var response = await Api.PostAsync("/channels/no-such-type/general/query", "{}", UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Invalid_channel_id_is_code_4()
    {
        var response = await Api.PostAsync("/channels/messaging/has%20space/query", "{}", UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Message_to_a_channel_that_does_not_exist_is_code_16()
    {
        var response = await Api.PostAsync("/channels/messaging/nowhere/message", """{"message":{"text":"hi"}}""", UserToken("alice"));
        response.AssertError(StreamErrorCode.NotFound, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Unknown_route_is_code_16()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/no/such/route", token: UserToken("alice"));
        response.AssertError(StreamErrorCode.NotFound, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task Wrong_method_on_a_known_route_is_a_protocol_error()
    {
        var response = await Api.SendAsync(HttpMethod.Delete, "/channels/messaging/general/query", token: UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.MethodNotAllowed);
    }

    [TestCase("""{"watch":"yes"}""")]
    [TestCase("""{"data":[]}""")]
    [TestCase("""{"messages":{"limit":-1}}""")]
    [TestCase("""{"data":{"members":"alice"}}""")]
    public async Task Query_field_of_the_wrong_type_is_code_4(string body)
    {
        var response = await Api.PostAsync("/channels/messaging/general/query", body, UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Watch_without_a_connection_id_is_code_4()
    {
        var response = await Api.PostAsync("/channels/messaging/general/query", """{"watch":true}""", UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Watch_with_an_unknown_connection_id_is_code_4()
    {
        var response = await Api.PostAsync("/channels/messaging/general/query", """{"watch":true,"connection_id":"nope"}""", UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Channel_members_must_exist()
    {
        var response = await Api.PostAsync("/channels/messaging/pair/query", """{"data":{"members":["alice","ghost"]}}""", UserToken("alice"));
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [TestCase("""{"revoke_tokens_issued_before":"yesterday"}""")]
    [TestCase("""{"revoke_tokens_issued_before":12}""")]
    public async Task Revocation_time_that_is_not_RFC3339_is_code_4(string body)
    {
        var response = await Api.SendAsync(HttpMethod.Patch, "/app", body, ServerToken());
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [TestCase("""{"revoke_tokens_issued_before":null}""")]
    [TestCase("""{"user_ids":[],"revoke_tokens_issued_before":null}""")]
    [TestCase("""{"user_ids":["alice"]}""")]
    public async Task Per_user_revocation_needs_user_ids_and_a_time(string body)
    {
        var response = await Api.PostAsync("/users/revoke_tokens", body, ServerToken());
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }
}
