using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Endpoint;

/// <summary><see cref="TokenEndpoint"/> against real loopback servers: what it sends, what it reads, how each failure is worded.</summary>
[Category("Endpoint")]
public sealed class TokenEndpointTests
{
    private const string Secret = "a-token-endpoint-secret-of-at-least-32-bytes";

    private static readonly string SignedToken = IssueToken();

    private HttpClient _http = null!;

    [SetUp]
    public void SetUp() => _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });

    [TearDown]
    public void TearDown() => _http.Dispose();

    [Test]
    public async Task Reads_the_token_of_a_json_answer_and_asks_for_json_without_a_login_redirect()
    {
        await using var backend = CannedHttpServer.Answering("application/json", $$"""{"token":"{{SignedToken}}","expires_at":"2030-01-01T00:00:00Z"}""");

        var token = await new TokenEndpoint(_http, new Uri(backend.BaseUrl, "chat/token")).FetchAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(token.RawValue, Is.EqualTo(SignedToken));
            Assert.That(token.UserId, Is.EqualTo("ada"));
            Assert.That(backend.LastRequestHead, Does.StartWith("GET /chat/token HTTP/1.1"));
            Assert.That(backend.LastRequestHead, Does.Contain("Accept: application/json"));
            Assert.That(backend.LastRequestHead, Does.Contain("X-Requested-With: XMLHttpRequest"), "ASP.NET Core's cookie auth then answers 401, not a redirect");
        });
    }

    [Test]
    public async Task A_relative_endpoint_is_resolved_against_the_clients_base_address()
    {
        await using var backend = CannedHttpServer.Answering("application/json", $$"""{"token":"{{SignedToken}}"}""");
        _http.BaseAddress = backend.BaseUrl;

        var token = await new TokenEndpoint(_http, new Uri("api/chat-token", UriKind.Relative)).FetchAsync().Guard();

        Assert.That(token.UserId, Is.EqualTo("ada"));
        Assert.That(backend.LastRequestHead, Does.StartWith("GET /api/chat-token "));
    }

    [TestCase(401, TokenEndpointFailure.NotAuthenticated, "no valid login")]
    [TestCase(403, TokenEndpointFailure.Forbidden, "does not let this user chat")]
    [TestCase(404, TokenEndpointFailure.HttpError, "answers GET")]
    [TestCase(405, TokenEndpointFailure.HttpError, "answers GET")]
    public async Task A_refusal_is_a_lasting_failure_named_by_its_status(int status, TokenEndpointFailure expected, string advice)
    {
        await using var backend = CannedHttpServer.Answering("text/plain", "secret-body-text", status);

        var error = await FailAsync(backend.BaseUrl);

        Assert.Multiple(() =>
        {
            Assert.That(error.Failure, Is.EqualTo(expected));
            Assert.That((int?)error.StatusCode, Is.EqualTo(status));
            Assert.That(error.IsTransient, Is.False);
            Assert.That(error.Message, Does.Contain($"HTTP {status}").And.Contain(advice).And.Not.Contain("secret-body-text"));
        });
    }

    [TestCase(500)]
    [TestCase(502)]
    [TestCase(503)]
    [TestCase(429)]
    [TestCase(408)]
    public async Task A_failing_or_busy_backend_is_a_transient_server_error(int status)
    {
        await using var backend = CannedHttpServer.Answering("text/html", "<html>secret-body-text</html>", status);

        var error = await FailAsync(backend.BaseUrl);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.ServerError));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.Message, Does.Not.Contain("secret-body-text"));
    }

    [Test]
    public async Task A_redirect_to_a_login_page_is_named_as_such()
    {
        await using var backend = CannedHttpServer.Raw("HTTP/1.1 302 Found\r\nLocation: /Account/Login?ReturnUrl=%2Fchat%2Ftoken\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");

        var error = await FailAsync(backend.BaseUrl);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.HttpError));
        Assert.That(error.Message, Does.Contain("redirects to " + backend.BaseUrl + "Account/Login").And.Contain("login page"));
        Assert.That(error.Message, Does.Not.Contain("ReturnUrl"), "query strings are never quoted");
    }

    [Test]
    public async Task A_login_page_answered_after_a_followed_redirect_is_an_invalid_response_that_says_so()
    {
        await using var login = CannedHttpServer.Answering("text/html", "<form>secret-body-text</form>");
        await using var backend = CannedHttpServer.Raw($"HTTP/1.1 302 Found\r\nLocation: {login.BaseUrl}login\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var following = new HttpClient();

        var error = (await Assert.ThrowsAsync<TokenEndpointException>(() => new TokenEndpoint(following, new Uri(backend.BaseUrl, "chat/token")).FetchAsync().Guard()))!;

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.InvalidResponse));
        Assert.That(error.Message, Does.Contain("not JSON").And.Contain("redirected to " + login.BaseUrl + "login").And.Not.Contain("secret-body-text"));
    }

    [TestCase("text/html", "<html>secret-body-text</html>", "not JSON")]
    [TestCase("application/json", """{"access_token":"secret-body-text"}""", "no \"token\" string")]
    [TestCase("application/json", """{"token":42}""", "no \"token\" string")]
    [TestCase("application/json", """["secret-body-text"]""", "no \"token\" string")]
    [TestCase("application/json", """{"token":"eyJhbGciOiJIUzI1NiJ9.secret-body-text"}""", "not a well-formed token")]
    public async Task An_answer_without_a_well_formed_token_is_an_invalid_response_that_quotes_nothing(string contentType, string body, string what)
    {
        await using var backend = CannedHttpServer.Answering(contentType, body);

        var error = await FailAsync(backend.BaseUrl);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.InvalidResponse));
        Assert.That(error.IsTransient, Is.False);
        Assert.That(error.ToString(), Does.Contain(what).And.Not.Contain("secret-body-text").And.Not.Contain("eyJ"));
    }

    [Test]
    public async Task An_answer_over_64_KiB_is_not_read()
    {
        await using var backend = CannedHttpServer.Endless();

        var error = await FailAsync(backend.BaseUrl);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.InvalidResponse));
        Assert.That(error.Message, Does.Contain("larger than 64 KiB"));
    }

    [Test]
    public async Task No_answer_within_the_http_clients_timeout_is_a_transient_timeout()
    {
        await using var backend = CannedHttpServer.Silent();
        _http.Timeout = TimeSpan.FromMilliseconds(300);

        var error = await FailAsync(backend.BaseUrl);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.TimedOut));
        Assert.That(error.IsTransient, Is.True);
    }

    [Test]
    public async Task A_refused_connection_is_a_transient_unreachable_failure()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var url = new Uri($"http://127.0.0.1:{((IPEndPoint)closed.LocalEndpoint).Port}/");
        closed.Stop();

        var error = await FailAsync(url);

        Assert.That(error.Failure, Is.EqualTo(TokenEndpointFailure.Unreachable));
        Assert.That(error.IsTransient, Is.True);
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
    }

    [Test]
    public async Task The_callers_cancellation_is_a_cancellation_not_a_failure()
    {
        await using var backend = CannedHttpServer.Silent();
        using var cancel = new CancellationTokenSource();
        var fetch = new TokenEndpoint(_http, backend.BaseUrl).FetchAsync(cancel.Token);
        await Eventually.HoldsAsync(() => backend.Requests == 1);

        cancel.Cancel();

        Assert.That(async () => await fetch.Guard(), Throws.InstanceOf<OperationCanceledException>());
    }

    [TestCase("http://chat.example.com/token")]
    [TestCase("http://10.0.0.5/token")]
    [TestCase("ftp://127.0.0.1/token")]
    public void An_endpoint_that_would_send_the_token_in_clear_text_is_refused(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => TokenProvider.FromEndpoint(_http, new Uri(url)))!;

        Assert.That(error.ParamName, Is.EqualTo("endpoint"));
    }

    [TestCase("https://chat.example.com/token")]
    [TestCase("http://localhost:5000/token")]
    [TestCase("http://127.0.0.2/token")]
    [TestCase("http://[::1]:5000/token")]
    public void Https_and_http_to_this_machine_are_accepted(string url) =>
        Assert.That(TokenProvider.FromEndpoint(_http, new Uri(url)).Kind, Is.EqualTo(TokenProviderKind.Closure));

    [Test]
    public void A_relative_endpoint_needs_a_base_address()
    {
        Assert.Throws<ArgumentException>(() => new TokenEndpoint(_http, new Uri("chat/token", UriKind.Relative)));
        Assert.That(new TokenEndpoint(() => _http, new Uri("chat/token", UriKind.Relative)).ToString(), Is.EqualTo("TokenEndpoint(chat/token)"));
    }

    private async Task<TokenEndpointException> FailAsync(Uri url) =>
        (await Assert.ThrowsAsync<TokenEndpointException>(() => new TokenEndpoint(_http, new Uri(url, "chat/token")).FetchAsync().Guard()))!;

    private static string IssueToken()
    {
        using var issuer = new UserTokenIssuer(Secret);
        return issuer.CreateUserToken("ada", TimeSpan.FromHours(1));
    }
}
