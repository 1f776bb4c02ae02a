using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>
/// <c>GET /app</c> and <c>PATCH /app</c> with <c>disable_auth_checks</c>, as the official server clients send them: the
/// setting switches at run time, for REST and the WebSocket alike.
/// </summary>
public sealed class AppSettingsTests : DevServerTest
{
    private static readonly string DeveloperToken = Token.Development("dev-dora").RawValue;

    [Test]
    public async Task Get_app_reports_the_settings_a_server_client_reads()
    {
        var response = await Api.SendAsync(HttpMethod.Get, "/app", token: ServerToken());

        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK), response.Body.ToJsonString());
        var app = response.Body["app"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(app["disable_auth_checks"]?.GetValue<bool>(), Is.False);
            Assert.That(app["revoke_tokens_issued_before"], Is.Null);
            Assert.That(app["channel_configs"]?["livestream"]?["name"]?.GetValue<string>(), Is.EqualTo("livestream"));
            Assert.That(response.Body["duration"], Is.Not.Null);
        });
    }

    [Test]
    public async Task Patch_app_with_disable_auth_checks_lets_development_tokens_in_and_out_again()
    {
        var before = await Api.PostAsync("/channels/messaging/general/query", "{}", DeveloperToken);
        var enable = await Api.SendAsync(HttpMethod.Patch, "/app", """{"disable_auth_checks":true}""", ServerToken());
        var during = await Api.PostAsync("/channels/messaging/general/query", "{}", DeveloperToken);
        await using (var socket = await WsClient.ConnectAsync(Server, "dev-dora", DeveloperToken))
        {
            Assert.That((await socket.ReceiveAsync())?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
        }

        var settings = await Api.SendAsync(HttpMethod.Get, "/app", token: ServerToken());
        var disable = await Api.SendAsync(HttpMethod.Patch, "/app", """{"disable_auth_checks":false}""", ServerToken());
        var after = await Api.PostAsync("/channels/messaging/general/query", "{}", DeveloperToken);

        before.AssertError(StreamErrorCode.AuthenticationFailed, HttpStatusCode.Unauthorized);
        after.AssertError(StreamErrorCode.AuthenticationFailed, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(enable.Status, Is.EqualTo(HttpStatusCode.OK), enable.Body.ToJsonString());
            Assert.That(during.Status, Is.EqualTo(HttpStatusCode.OK), during.Body.ToJsonString());
            Assert.That(settings.Body["app"]?["disable_auth_checks"]?.GetValue<bool>(), Is.True);
            Assert.That(disable.Status, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task App_settings_need_the_server_token()
    {
        var read = await Api.SendAsync(HttpMethod.Get, "/app", token: UserToken("alice"));
        var write = await Api.SendAsync(HttpMethod.Patch, "/app", """{"disable_auth_checks":true}""", UserToken("alice"));
        var settings = await Api.SendAsync(HttpMethod.Get, "/app", token: ServerToken());

        read.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
        write.AssertError(StreamErrorCode.NotAllowed, HttpStatusCode.Forbidden);
        Assert.That(settings.Body["app"]?["disable_auth_checks"]?.GetValue<bool>(), Is.False);
    }

    [TestCase("""{"disable_auth_checks":"yes"}""")]
    [TestCase("""{"disable_auth_checks":null}""")]
    [TestCase("""{"disable_auth_checks":1}""")]
    [TestCase("""{"disable_auth_checks":true,"revoke_tokens_issued_before":"not a time"}""")]
    public async Task A_bad_setting_is_code_4_and_changes_nothing(string body)
    {
        var response = await Api.SendAsync(HttpMethod.Patch, "/app", body, ServerToken());
        var settings = await Api.SendAsync(HttpMethod.Get, "/app", token: ServerToken());

        response.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(settings.Body["app"]?["disable_auth_checks"]?.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Settings_the_dev_server_does_not_model_are_accepted_and_ignored()
    {
        var response = await Api.SendAsync(HttpMethod.Patch, "/app", """{"webhook_url":"https://example.invalid/hook","disable_auth_checks":true}""", ServerToken());
        var settings = await Api.SendAsync(HttpMethod.Get, "/app", token: ServerToken());

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(settings.Body["app"]?["disable_auth_checks"]?.GetValue<bool>(), Is.True);
            Assert.That(settings.Body["app"]?["webhook_url"], Is.Null);
        });
    }
}
