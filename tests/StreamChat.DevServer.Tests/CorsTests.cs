using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>
/// CORS: browser apps on a loopback origin may call the dev server; other origins get no CORS headers and are refused
/// (code 17), REST and WebSocket alike, unless <see cref="DevServerOptions.CorsOrigins"/> lets them in.
/// </summary>
public sealed class CorsTests : DevServerTest
{
    [TestCase("http://localhost:3000")]
    [TestCase("https://localhost")]
    [TestCase("http://127.0.0.1:5173")]
    [TestCase("http://[::1]:8080")]
    public async Task Preflight_from_a_loopback_origin_is_answered_without_auth(string origin)
    {
        using var response = await PreflightAsync(Server, origin);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo(origin));
            Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("stream-auth-type"));
        });
    }

    [TestCase("https://evil.example")]
    [TestCase("http://localhost.evil.example")]
    [TestCase("http://127.0.0.1.evil.example")]
    [TestCase("null")]
    public async Task Preflight_from_a_foreign_origin_gets_no_allow_origin_header(string origin)
    {
        using var response = await PreflightAsync(Server, origin);
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
    }

    [Test]
    public async Task Cross_origin_request_from_loopback_gets_the_allow_origin_header()
    {
        using var response = await PostFromAsync(Server, "http://localhost:3000", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("http://localhost:3000"));
        });
    }

    [Test]
    public async Task Cross_origin_answer_exposes_its_Date_so_a_browser_client_learns_the_server_clock()
    {
        using var response = await PostFromAsync(Server, "http://localhost:3000", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Date, Is.Not.Null);
            Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Expose-Headers")), Does.Contain("Date"));
        });
    }

    [Test]
    public async Task Request_from_a_foreign_origin_is_refused_with_code_17_and_no_allow_origin_header()
    {
        using var response = await PostFromAsync(Server, "https://evil.example", UserToken("alice"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(body, Does.Contain("\"code\":17").And.Contain("CorsOrigins"));
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    [Test]
    public async Task WebSocket_from_a_foreign_origin_is_refused_before_the_upgrade()
    {
        using var foreign = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "alice", UserToken("alice")), origin: "https://evil.example");
        using var local = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "alice", UserToken("alice")), origin: "http://localhost:3000");
        Assert.Multiple(() =>
        {
            Assert.That(foreign.HandshakeStatus, Is.EqualTo(403));
            Assert.That(local.HandshakeStatus, Is.EqualTo(101));
        });
    }

    [Test]
    public async Task Cross_origin_error_keeps_the_allow_origin_header_so_the_browser_can_read_the_code()
    {
        var expiring = Issuer.CreateUserToken("alice", TimeSpan.FromMinutes(1));
        Clock.Advance(TimeSpan.FromMinutes(2));
        using var response = await PostFromAsync(Server, "http://localhost:3000", expiring);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":40"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("http://localhost:3000"));
        });
    }

    [Test]
    public async Task CorsOrigins_lets_a_configured_origin_in_and_no_other()
    {
        await using var server = await DevServer.StartAsync(new DevServerOptions { CorsOrigins = { "https://app.example:8443" } });
        using var issuer = new StreamChat.Server.UserTokenIssuer(server.ApiSecret);
        using var allowed = await PostFromAsync(server, "https://APP.example:8443", issuer.CreateUserToken("alice"));
        using var otherPort = await PostFromAsync(server, "https://app.example", issuer.CreateUserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(allowed.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://APP.example:8443"));
            Assert.That(otherPort.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Star_lets_every_origin_in()
    {
        await using var server = await DevServer.StartAsync(new DevServerOptions { CorsOrigins = { "*" } });
        using var issuer = new StreamChat.Server.UserTokenIssuer(server.ApiSecret);
        using var response = await PostFromAsync(server, "https://anywhere.example", issuer.CreateUserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("https://anywhere.example"));
        });
    }

    [TestCase("not an origin")]
    [TestCase("ftp://files.example")]
    [TestCase("https://app.example/path")]
    public async Task Malformed_CorsOrigins_entry_is_refused_at_start(string entry)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await DevServer.StartAsync(new DevServerOptions { CorsOrigins = { entry } }));
        Assert.That(error!.Message, Does.Contain("DevServerOptions.CorsOrigins"));
    }

    private static async Task<HttpResponseMessage> PreflightAsync(DevServer server, string origin)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Options, "channels/messaging/general/query?api_key=" + server.ApiKey);
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,stream-auth-type,x-stream-client,content-type");
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> PostFromAsync(DevServer server, string origin, string token)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "channels/messaging/general/query?api_key=" + server.ApiKey)
        {
            Content = new StringContent("{}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        request.Headers.TryAddWithoutValidation("Authorization", token);
        return await http.SendAsync(request);
    }
}
