using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>Browser apps on a local origin can call the dev server.</summary>
public sealed class CorsTests : DevServerTest
{
    [Test]
    public async Task Preflight_is_answered_without_auth()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Options, "channels/messaging/general/query?api_key=" + Server.ApiKey);
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,stream-auth-type,x-stream-client,content-type");
        using var response = await http.SendAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
            Assert.That(string.Join(",", response.Headers.GetValues("Access-Control-Allow-Headers")), Does.Contain("stream-auth-type"));
        });
    }

    [Test]
    public async Task Cross_origin_request_gets_the_allow_origin_header()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "channels/messaging/general/query?api_key=" + Server.ApiKey)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.TryAddWithoutValidation("Authorization", UserToken("alice"));
        using var response = await http.SendAsync(request);
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        });
    }

    [Test]
    public async Task Cross_origin_error_keeps_the_allow_origin_header_so_the_browser_can_read_the_code()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Post, "channels/messaging/general/query?api_key=" + Server.ApiKey)
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://localhost:3000");
        request.Headers.TryAddWithoutValidation("Authorization", Issuer.CreateUserToken("alice", System.TimeSpan.FromMinutes(1)));
        Clock.Advance(System.TimeSpan.FromMinutes(2));
        using var response = await http.SendAsync(request);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("\"code\":40"));
            Assert.That(response.Headers.GetValues("Access-Control-Allow-Origin").Single(), Is.EqualTo("*"));
        });
    }
}
