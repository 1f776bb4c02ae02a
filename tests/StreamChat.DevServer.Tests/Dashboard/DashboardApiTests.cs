using System;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>The dashboard's calls: what the page starts with, the secret, a token for testing and revocation on the server's clock.</summary>
public sealed class DashboardApiTests : DashboardTest
{
    [Test]
    public async Task App_gives_the_key_the_base_url_and_a_server_token_for_the_protocols_app_settings()
    {
        var cookie = await Dashboard.SignInAsync();
        var app = await CallAsync(HttpMethod.Get, "/dashboard/api/app", null, cookie, HttpStatusCode.OK);
        var settings = await Api.SendAsync(HttpMethod.Get, "/app", token: app["server_token"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(app["api_key"]?.GetValue<string>(), Is.EqualTo(Server.ApiKey));
            Assert.That(app["base_url"]?.GetValue<string>(), Is.EqualTo(Server.BaseUrl.ToString()));
            Assert.That(app.ToJsonString(), Does.Not.Contain(Server.ApiSecret), "the secret comes only when revealed");
            Assert.That(settings.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Secret_is_revealed_only_on_request_and_never_logged()
    {
        var cookie = await Dashboard.SignInAsync();
        var secret = await CallAsync(HttpMethod.Post, "/dashboard/api/secret", "{}", cookie, HttpStatusCode.OK);

        Assert.That(secret["api_secret"]?.GetValue<string>(), Is.EqualTo(Server.ApiSecret));
    }

    [Test]
    public async Task Token_for_testing_is_signed_with_the_apps_secret_and_carries_the_claims()
    {
        var cookie = await Dashboard.SignInAsync();
        var body = """{"user_id":"mint-mia","expires_in":"90","expires_unit":"minutes","claims":"{\"team\":\"blue\",\"tags\":[\"a\",\"b\"]}"}""";
        var answer = await CallAsync(HttpMethod.Post, "/dashboard/api/tokens", body, cookie, HttpStatusCode.OK);
        var token = answer["token"]!.GetValue<string>();
        var validator = new TokenValidator(Server.ApiSecret, new TokenValidatorOptions { TimeProvider = Clock });
        var verdict = validator.Validate(token);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsValid, Is.True, verdict.Message);
            Assert.That(verdict.UserId, Is.EqualTo("mint-mia"));
            Assert.That(answer["claims"]?["team"]?.GetValue<string>(), Is.EqualTo("blue"));
            Assert.That(answer["claims"]?["tags"]?.AsArray().Count, Is.EqualTo(2));
            Assert.That(answer["claims"]?["iat"]?.GetValue<long>(), Is.EqualTo(Start.ToUnixTimeSeconds()));
            Assert.That(answer["claims"]?["exp"]?.GetValue<long>(), Is.EqualTo(Start.AddMinutes(90).ToUnixTimeSeconds()));
            Assert.That(answer["expires_at"]?.GetValue<string>(), Does.StartWith("2026-11-28T13:30:00"));
        });
    }

    [TestCase("""{"user_id":"  spaced  "}""", null, TestName = "User id is trimmed")]
    [TestCase("""{"user_id":"x","expires_in":"","claims":""}""", null, TestName = "Empty optional fields mean none")]
    [TestCase("""{"user_id":""}""", "user_id", TestName = "Empty user id")]
    [TestCase("""{"user_id":"a/b"}""", "user_id", TestName = "User id with a slash")]
    [TestCase("""{"user_id":"x","expires_in":"1.5"}""", "expires_in", TestName = "Fractional expiry")]
    [TestCase("""{"user_id":"x","expires_in":"1e3"}""", "expires_in", TestName = "Exponent expiry")]
    [TestCase("""{"user_id":"x","expires_in":"99999999999999999999"}""", "expires_in", TestName = "Expiry past a long")]
    [TestCase("""{"user_id":"x","expires_in":"3651","expires_unit":"days"}""", "expires_in", TestName = "Expiry past 10 years")]
    [TestCase("""{"user_id":"x","expires_in":"5","expires_unit":"weeks"}""", "expires_unit", TestName = "Unknown unit")]
    [TestCase("""{"user_id":"x","claims":"null"}""", "claims", TestName = "Claims null")]
    [TestCase("""{"user_id":"x","claims":"\"text\""}""", "claims", TestName = "Claims a string")]
    [TestCase("""{"user_id":"x","claims":"{\"iat\":1}"}""", "claims", TestName = "Reserved iat")]
    [TestCase("""{"user_id":"x","claims":"{\"user_id\":\"y\"}"}""", "claims", TestName = "Reserved user_id")]
    [TestCase("""{"user_id":"x","claims":"{\"a\":\"\\ud800\"}"}""", "claims", TestName = "Lone surrogate")]
    public async Task Token_form_input_is_checked_field_by_field(string body, string? field)
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/tokens", body, cookie);
        var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        if (field is null)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), answer.ToJsonString());
            return;
        }

        ProtocolErrors.AssertBody(answer, StreamErrorCode.InputError, 400);
        Assert.That(answer["field"]?.GetValue<string>(), Is.EqualTo(field), answer.ToJsonString());
    }

    [TestCase("""{"user_id":7}""", TestName = "User id not a string")]
    [TestCase("""[1]""", TestName = "Body not an object")]
    [TestCase("""{"user_id":"x""", TestName = "Body not JSON")]
    public async Task A_malformed_token_request_is_code_4(string body)
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/tokens", body, cookie);

        ProtocolErrors.AssertBody(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), StreamErrorCode.InputError, 400);
        Assert.That(Server.Stats.ServerErrors, Is.Zero);
    }

    [Test]
    public async Task Claims_longer_than_the_limit_are_refused()
    {
        var cookie = await Dashboard.SignInAsync();
        var claims = JsonValue.Create($$"""{"pad":"{{new string('x', 4096)}}"}""").ToJsonString();
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/tokens", $$"""{"user_id":"x","claims":{{claims}}}""", cookie);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("at most 4096 characters"));
    }

    [Test]
    public async Task A_body_that_is_not_json_is_refused_with_415()
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/tokens", "user_id=x", cookie, contentType: "application/x-www-form-urlencoded");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [Test]
    public async Task Revoking_a_user_sets_the_cutoff_to_the_servers_now_and_lifting_clears_it()
    {
        await Api.PostAsync("/users", """{"users":{"rita":{"id":"rita"}}}""", ServerToken());
        var old = UserToken("rita");
        Clock.Advance(TimeSpan.FromSeconds(1));
        var cookie = await Dashboard.SignInAsync();

        var revoked = await CallAsync(HttpMethod.Post, "/dashboard/api/revocation", """{"user_id":"rita","revoked":true}""", cookie, HttpStatusCode.OK);
        var refused = await Api.PostAsync("/channels/messaging/general/query", "{}", old);
        await CallAsync(HttpMethod.Post, "/dashboard/api/revocation", """{"user_id":"rita","revoked":false}""", cookie, HttpStatusCode.OK);
        var accepted = await Api.PostAsync("/channels/messaging/general/query", "{}", old);

        refused.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(revoked["revoke_tokens_issued_before"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:01.000000Z"));
            Assert.That(accepted.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Revoking_every_token_of_the_app_and_lifting_it()
    {
        var cookie = await Dashboard.SignInAsync();
        var revoked = await CallAsync(HttpMethod.Post, "/dashboard/api/revocation", """{"revoked":true}""", cookie, HttpStatusCode.OK);
        var during = Server.State.Users.AppRevokedBefore;
        var lifted = await CallAsync(HttpMethod.Post, "/dashboard/api/revocation", """{"revoked":false}""", cookie, HttpStatusCode.OK);

        Assert.Multiple(() =>
        {
            Assert.That(during, Is.EqualTo(Start));
            Assert.That(revoked["revoke_tokens_issued_before"]?.GetValue<string>(), Is.EqualTo("2026-11-28T12:00:00.000000Z"));
            Assert.That(lifted["revoke_tokens_issued_before"], Is.Null);
            Assert.That(Server.State.Users.AppRevokedBefore, Is.Null);
        });
    }

    [TestCase("""{"user_id":"nobody","revoked":true}""", TestName = "Unknown user")]
    [TestCase("""{"user_id":"bad id","revoked":true}""", TestName = "Malformed user id")]
    [TestCase("""{"user_id":"rita"}""", TestName = "No revoked flag")]
    [TestCase("""{"revoked":"yes"}""", TestName = "Revoked not a boolean")]
    public async Task A_bad_revocation_is_code_4_and_creates_no_user(string body)
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/revocation", body, cookie);

        ProtocolErrors.AssertBody(JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), StreamErrorCode.InputError, 400);
        Assert.Multiple(() =>
        {
            Assert.That(Server.State.Users.List(10).Total, Is.Zero);
            Assert.That(Server.State.Users.AppRevokedBefore, Is.Null);
        });
    }
}
