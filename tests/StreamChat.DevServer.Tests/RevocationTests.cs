using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>App-wide and per-user <c>revoke_tokens_issued_before</c>, set through the server-token admin API.</summary>
public sealed class RevocationTests : DevServerTest
{
    private const string QueryPath = "/channels/messaging/general/query";

    [Test]
    public async Task App_wide_revocation_refuses_older_tokens_with_code_40_and_accepts_newer_ones()
    {
        var old = UserToken("alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RevokeAppAsync(Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromMinutes(1));
        var fresh = UserToken("alice");

        var refused = await Api.PostAsync(QueryPath, "{}", old);
        var accepted = await Api.PostAsync(QueryPath, "{}", fresh);
        refused.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(refused.Body["message"]?.GetValue<string>(), Does.Contain("revoked"));
            Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Clearing_app_wide_revocation_accepts_old_tokens_again()
    {
        var old = UserToken("alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        await RevokeAppAsync(Clock.GetUtcNow());
        var cleared = await Api.SendAsync(HttpMethod.Patch, "/app", """{"revoke_tokens_issued_before":null}""", ServerToken());
        var response = await Api.PostAsync(QueryPath, "{}", old);
        Assert.Multiple(() =>
        {
            Assert.That(cleared.Status, Is.EqualTo(HttpStatusCode.OK), "server tokens are never revoked");
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Per_user_revocation_affects_only_that_user()
    {
        var alice = UserToken("alice");
        var bob = UserToken("bob");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var revoke = await Api.PostAsync("/users/revoke_tokens", $$"""{"user_ids":["alice"],"revoke_tokens_issued_before":"{{Clock.GetUtcNow():O}}"}""", ServerToken());
        Assert.That(revoke.Status, Is.EqualTo(HttpStatusCode.OK), revoke.Body.ToJsonString());

        var aliceResponse = await Api.PostAsync(QueryPath, "{}", alice);
        var bobResponse = await Api.PostAsync(QueryPath, "{}", bob);
        aliceResponse.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        Assert.That(bobResponse.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Per_user_revocation_through_partial_update_as_official_server_clients_send_it()
    {
        var alice = UserToken("alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var update = await Api.SendAsync(HttpMethod.Patch, "/users", $$$"""{"users":[{"id":"alice","set":{"revoke_tokens_issued_before":"{{{Clock.GetUtcNow():O}}}"}}]}""", ServerToken());
        var response = await Api.PostAsync(QueryPath, "{}", alice);
        Assert.That(update.Body["users"]?["alice"]?["revoke_tokens_issued_before"], Is.Not.Null, update.Body.ToJsonString());
        response.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task Once_revocation_is_set_a_token_without_iat_is_code_40()
    {
        using var key = new StreamChat.Jwt.JwtSigningKey(Server.ApiSecret);
        var noIat = key.Sign("{\"user_id\":\"alice\"}"u8);
        var before = await Api.PostAsync(QueryPath, "{}", noIat);
        await RevokeAppAsync(Start.AddYears(-1));
        var after = await Api.PostAsync(QueryPath, "{}", noIat);
        Assert.That(before.Status, Is.EqualTo(HttpStatusCode.OK));
        after.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task The_later_of_app_and_user_cutoffs_applies()
    {
        var token = UserToken("alice");
        Clock.Advance(TimeSpan.FromMinutes(10));
        await RevokeAppAsync(Start.AddMinutes(-5));
        var revoke = await Api.PostAsync("/users/revoke_tokens", $$"""{"user_ids":["alice"],"revoke_tokens_issued_before":"{{Start.AddMinutes(5):O}}"}""", ServerToken());
        Assert.That(revoke.Status, Is.EqualTo(HttpStatusCode.OK));
        var response = await Api.PostAsync(QueryPath, "{}", token);
        response.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task A_token_issued_in_the_rest_of_the_revoking_second_is_accepted_and_the_cutoff_is_kept_in_whole_seconds()
    {
        var old = UserToken("alice");
        Clock.Advance(TimeSpan.FromSeconds(1.3));
        var revoke = await Api.PostAsync("/users/revoke_tokens", $$"""{"user_ids":["alice"],"revoke_tokens_issued_before":"{{Clock.GetUtcNow():O}}"}""", ServerToken());
        Assert.That(revoke.Status, Is.EqualTo(HttpStatusCode.OK), revoke.Body.ToJsonString());
        await RevokeAppAsync(Clock.GetUtcNow());
        Clock.Advance(TimeSpan.FromSeconds(0.5));
        var sameSecond = UserToken("alice");

        var refused = await Api.PostAsync(QueryPath, "{}", old);
        var accepted = await Api.PostAsync(QueryPath, "{}", sameSecond);
        var app = await Api.SendAsync(HttpMethod.Get, "/app", null, ServerToken());
        var users = await Api.SendAsync(HttpMethod.Patch, "/users", """{"users":[{"id":"alice","set":{"bio":"x"}}]}""", ServerToken());

        refused.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK), accepted.Body.ToJsonString());
            Assert.That(app.Body["app"]?["revoke_tokens_issued_before"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:01.000000Z"));
            Assert.That(users.Body["users"]?["alice"]?["revoke_tokens_issued_before"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:01.000000Z"));
        });
    }

    private async Task RevokeAppAsync(DateTimeOffset before)
    {
        var response = await Api.SendAsync(HttpMethod.Patch, "/app", $$"""{"revoke_tokens_issued_before":"{{before:O}}"}""", ServerToken());
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
    }
}
