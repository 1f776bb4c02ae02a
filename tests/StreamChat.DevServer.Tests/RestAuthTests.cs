using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests;

/// <summary>The REST auth checks: api key (2), auth header (2), token verdicts (5, 40, 41, 42, 43), server tokens.</summary>
public sealed class RestAuthTests : DevServerTest
{
    private const string QueryPath = "/channels/messaging/general/query";

    [Test]
    public async Task Missing_api_key_is_code_2()
    {
        var response = await Api.SendAsync(HttpMethod.Post, QueryPath, "{}", UserToken("alice"), apiKey: null);
        response.AssertError(StreamErrorCode.InvalidApiKeyOrMissingAuth, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Wrong_api_key_is_code_2()
    {
        var response = await Api.SendAsync(HttpMethod.Post, QueryPath, "{}", UserToken("alice"), apiKey: "not-the-key");
        response.AssertError(StreamErrorCode.InvalidApiKeyOrMissingAuth, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Jwt_auth_without_authorization_header_is_code_2()
    {
        var response = await Api.PostAsync(QueryPath, "{}", token: null, authType: "jwt");
        response.AssertError(StreamErrorCode.InvalidApiKeyOrMissingAuth, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task No_auth_type_and_no_authorization_header_is_code_2()
    {
        var response = await Api.PostAsync(QueryPath, "{}", token: null, authType: null);
        response.AssertError(StreamErrorCode.InvalidApiKeyOrMissingAuth, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Unknown_auth_type_is_code_4()
    {
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"), authType: "basic");
        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Token_without_auth_type_header_is_treated_as_jwt()
    {
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"), authType: null);
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
    }

    [Test]
    public async Task Malformed_token_is_code_5()
    {
        var response = await Api.PostAsync(QueryPath, "{}", "not-a-jwt");
        response.AssertError(StreamErrorCode.AuthenticationFailed, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Development_token_is_code_5_while_auth_checks_are_on()
    {
        var response = await Api.PostAsync(QueryPath, "{}", Token.Development("alice").RawValue);
        response.AssertError(StreamErrorCode.AuthenticationFailed, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_signed_with_another_secret_is_code_43()
    {
        using var other = new UserTokenIssuer(new string('x', 40), Clock);
        var response = await Api.PostAsync(QueryPath, "{}", other.CreateUserToken("alice"));
        response.AssertError(StreamErrorCode.TokenSignatureInvalid, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Expired_token_is_code_40()
    {
        var token = Issuer.CreateUserToken("alice", TimeSpan.FromMinutes(5));
        Clock.Advance(TimeSpan.FromMinutes(6));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_is_checked_against_the_server_clock_not_the_machine_clock()
    {
        // Valid by the machine's clock (issued and expiring around Start), expired by the server's.
        var token = Issuer.CreateUserToken("alice", Start.AddHours(1), Start);
        Clock.Advance(TimeSpan.FromHours(2));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_not_valid_yet_is_code_41()
    {
        var token = new StreamChat.Jwt.JwtSigningKey(Server.ApiSecret).Sign(
            System.Text.Encoding.UTF8.GetBytes($$"""{"user_id":"alice","nbf":{{Start.AddHours(1).ToUnixTimeSeconds()}}}"""));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.TokenNotValidYet, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_issued_in_the_future_is_code_42()
    {
        var token = Issuer.CreateUserToken("alice", expiresAt: null, issuedAt: Start.AddMinutes(10));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.TokenIssuedInFuture, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Token_without_user_id_is_code_5()
    {
        var token = new StreamChat.Jwt.JwtSigningKey(Server.ApiSecret).Sign("{\"name\":\"nobody\"}"u8);
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.AuthenticationFailed, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Valid_user_token_creates_the_channel_for_its_user()
    {
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
            Assert.That(response.Body["channel"]?["cid"]?.GetValue<string>(), Is.EqualTo("messaging:general"));
            Assert.That(response.Body["channel"]?["created_by"]?["id"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(response.Body["duration"]?.GetValue<string>(), Does.EndWith("ms"));
        });
    }

    [Test]
    public async Task Every_response_carries_a_Date_header_from_the_server_clock()
    {
        Clock.Advance(TimeSpan.FromDays(3));
        var ok = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        var error = await Api.PostAsync(QueryPath, "{}", "not-a-jwt");
        Assert.Multiple(() =>
        {
            Assert.That(ok.Raw.Headers.Date, Is.EqualTo(Start.AddDays(3)));
            Assert.That(error.Raw.Headers.Date, Is.EqualTo(Start.AddDays(3)));
        });
    }

    [Test]
    public async Task Error_bodies_never_echo_the_token()
    {
        var token = Issuer.CreateUserToken("alice", TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        Assert.That(response.Body.ToJsonString(), Does.Not.Contain(token).And.Not.Contain(token.Split('.')[1]));
    }
}

/// <summary>With "disable auth checks" on, development tokens are accepted; signed tokens are still validated.</summary>
public sealed class DisabledAuthChecksTests : DevServerTest
{
    protected override bool DisableAuthChecks => true;

    [Test]
    public async Task Development_token_is_accepted()
    {
        var response = await Api.PostAsync("/channels/messaging/dev/query", "{}", Token.Development("dana").RawValue);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
            Assert.That(response.Body["channel"]?["created_by"]?["id"]?.GetValue<string>(), Is.EqualTo("dana"));
        });
    }

    [Test]
    public async Task Bad_signature_is_still_code_43()
    {
        using var other = new UserTokenIssuer(new string('y', 40), Clock);
        var response = await Api.PostAsync("/channels/messaging/dev/query", "{}", other.CreateUserToken("dana"));
        response.AssertError(StreamErrorCode.TokenSignatureInvalid, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Development_token_is_code_40_once_its_user_is_revoked()
    {
        var revoke = await Api.PostAsync("/users/revoke_tokens", $$"""{"user_ids":["dana"],"revoke_tokens_issued_before":"{{Start:O}}"}""", ServerToken());
        Assert.That(revoke.Status, Is.EqualTo(HttpStatusCode.OK), revoke.Body.ToJsonString());
        var response = await Api.PostAsync("/channels/messaging/dev/query", "{}", Token.Development("dana").RawValue);
        response.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }
}
