using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>
/// Who gets into the dashboard: the printed link's key or the API secret give a session cookie (HttpOnly, SameSite=Strict),
/// and every call needs that session and the page's own origin.
/// </summary>
public sealed class DashboardAccessTests : DashboardTest
{
    private static readonly (string Method, string Path)[] SessionCalls =
    [
        ("GET", "/dashboard/api/app"), ("POST", "/dashboard/api/secret"), ("POST", "/dashboard/api/tokens"),
        ("POST", "/dashboard/api/revocation"), ("GET", "/dashboard/api/live"), ("POST", "/dashboard/logout"),
    ];

    [Test]
    public async Task The_link_sets_a_strict_http_only_session_cookie_and_redirects_without_the_key()
    {
        using var response = await Dashboard.SendAsync(HttpMethod.Get, Server.DashboardUrl.PathAndQuery, pageHeader: false);

        var cookie = response.Headers.GetValues("Set-Cookie").Single();
        var key = Server.DashboardUrl.Query["?key=".Length..];
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(response.Headers.Location?.OriginalString, Does.StartWith("/dashboard#page=").And.Not.Contain(key), "the page secret goes to the page in the fragment");
            Assert.That(cookie, Does.StartWith(Dashboard.CookieName + "="));
            Assert.That(cookie.ToLowerInvariant(), Does.Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/"));
            Assert.That(cookie, Does.Not.Contain(key), "the cookie holds a session id, not the link's key");
            Assert.That(key, Has.Length.GreaterThanOrEqualTo(43), "32 random bytes");
        });
    }

    [Test]
    public async Task A_wrong_key_leads_to_the_sign_in_page_without_a_cookie()
    {
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard?key=wrong", pageHeader: false);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(response.Headers.Location?.OriginalString, Is.EqualTo("/dashboard?refused=key"));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task Without_a_session_the_page_is_the_sign_in_page_with_401()
    {
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard", pageHeader: false);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(html, Does.Contain("Sign in").And.Not.Contain(Server.ApiKey).And.Not.Contain(Server.ApiSecret));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        });
    }

    [Test]
    public async Task With_a_session_the_page_is_the_dashboard()
    {
        var cookie = await Dashboard.SignInAsync();
        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard", cookie: cookie, pageHeader: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("Disable auth checks"));
    }

    [Test]
    public async Task Every_call_needs_a_session()
    {
        var statuses = new List<string>();
        foreach (var (method, path) in SessionCalls)
        {
            foreach (var cookie in new[] { null, Dashboard.CookieName + "=forged" })
            {
                using var response = await Dashboard.SendAsync(new HttpMethod(method), path, method == "POST" ? "{}" : null, cookie);
                statuses.Add($"{method} {path} {(cookie is null ? "no cookie" : "forged")}: {(int)response.StatusCode}");
            }
        }

        Assert.That(statuses, Is.All.EndsWith(": 401"));
    }

    [TestCase(null, null, false, TestName = "No page header and no Sec-Fetch-Site")]
    [TestCase("http://127.0.0.1:1", null, true, TestName = "Origin of another port")]
    [TestCase("http://localhost:PORT", null, true, TestName = "Origin of another host name for this server")]
    [TestCase("null", null, true, TestName = "Opaque origin")]
    [TestCase(null, "same-site", true, TestName = "Sec-Fetch-Site same-site")]
    [TestCase(null, "cross-site", true, TestName = "Sec-Fetch-Site cross-site")]
    [TestCase(null, "none", false, TestName = "Sec-Fetch-Site none")]
    public async Task A_call_from_outside_the_page_is_refused_with_code_17_and_changes_nothing(string? origin, string? fetchSite, bool pageHeader)
    {
        var cookie = await Dashboard.SignInAsync();
        var headers = new Dictionary<string, string>();
        if (origin is not null)
        {
            headers["Origin"] = origin.Replace("PORT", Server.BaseUrl.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        }

        if (fetchSite is not null)
        {
            headers["Sec-Fetch-Site"] = fetchSite;
        }

        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/api/revocation", """{"revoked":true}""", cookie, pageHeader, headers);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        ProtocolErrors.AssertBody(body, StreamErrorCode.NotAllowed, 403);
        Assert.Multiple(() =>
        {
            Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
            Assert.That(Server.State.Users.AppRevokedBefore, Is.Null);
        });
    }

    [TestCase(true, null, TestName = "The page header")]
    [TestCase(true, "same-origin", TestName = "Both, with the own Origin")]
    public async Task A_call_from_the_page_itself_is_accepted(bool pageHeader, string? fetchSite)
    {
        var cookie = await Dashboard.SignInAsync();
        var headers = new Dictionary<string, string> { ["Origin"] = $"http://{Server.BaseUrl.Authority}" };
        if (fetchSite is not null)
        {
            headers["Sec-Fetch-Site"] = fetchSite;
        }

        using var response = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie, pageHeader: pageHeader, headers: headers);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("evil.example")]
    [TestCase("127.0.0.1.nip.example")]
    [TestCase("10.0.0.1")]
    public async Task A_host_name_other_than_loopback_is_refused_so_dns_rebinding_gets_nothing(string host)
    {
        using var response = await Dashboard.SendAsync(HttpMethod.Get, Server.DashboardUrl.PathAndQuery, pageHeader: false,
            headers: new Dictionary<string, string> { ["Host"] = $"{host}:{Server.BaseUrl.Port}" });

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task Every_answer_forbids_framing_sniffing_caching_and_referrers_and_has_no_cors_headers()
    {
        var cookie = await Dashboard.SignInAsync();
        using var page = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard", cookie: cookie, pageHeader: false,
            headers: new Dictionary<string, string> { ["Origin"] = "http://localhost:3000" });
        using var preflight = await Dashboard.SendAsync(HttpMethod.Options, "/dashboard/api/revocation", cookie: cookie, pageHeader: false,
            headers: new Dictionary<string, string> { ["Origin"] = "http://localhost:3000", ["Access-Control-Request-Method"] = "POST" });

        Assert.Multiple(() =>
        {
            Assert.That(page.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'"));
            Assert.That(page.Headers.GetValues("X-Frame-Options").Single(), Is.EqualTo("DENY"));
            Assert.That(page.Headers.GetValues("X-Content-Type-Options").Single(), Is.EqualTo("nosniff"));
            Assert.That(page.Headers.GetValues("Referrer-Policy").Single(), Is.EqualTo("no-referrer"));
            Assert.That(page.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(page.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "a loopback origin may call the protocol, not the dashboard");
            Assert.That(preflight.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
            Assert.That(preflight.Headers.Contains("Access-Control-Allow-Origin"), Is.False);
        });
    }

    [Test]
    public async Task The_api_secret_signs_in_and_a_wrong_one_is_refused()
    {
        using var wrong = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/login", """{"secret":"not the secret"}""");
        using var empty = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/login", """{"secret":""}""");
        using var right = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/login", $$"""{"secret":"{{Server.ApiSecret}}"}""");
        var cookie = right.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Dashboard.Remember(cookie, System.Text.Json.Nodes.JsonNode.Parse(await right.Content.ReadAsStringAsync())!["page_secret"]!.GetValue<string>());
        using var app = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie);
        var wrongBody = System.Text.Json.Nodes.JsonNode.Parse(await wrong.Content.ReadAsStringAsync())!["message"]!.GetValue<string>();
        var emptyBody = await empty.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(wrongBody, Does.Contain("That is not this app's API secret").And.Not.Contain(Server.ApiSecret));
            Assert.That(wrong.Headers.Contains("Set-Cookie"), Is.False);
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(emptyBody, Does.Contain("\"field\":\"secret\""));
            Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(app.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Signing_in_needs_the_page_origin_too()
    {
        using var response = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/login", $$"""{"secret":"{{Server.ApiSecret}}"}""", pageHeader: false,
            headers: new Dictionary<string, string> { ["Origin"] = "http://127.0.0.1:1" }, contentType: "text/plain");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False);
        });
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        var cookie = await Dashboard.SignInAsync();
        using var signOut = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/logout", "{}", cookie);
        using var after = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie);

        Assert.Multiple(() =>
        {
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(signOut.Headers.GetValues("Set-Cookie").Single(), Does.Contain("expires=Thu, 01 Jan 1970"));
            Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task Sessions_are_bounded_and_the_oldest_is_forgotten_first()
    {
        var first = await Dashboard.SignInAsync();
        string last = first;
        for (var i = 0; i < StreamChat.DevServer.Dashboard.DashboardSessions.Capacity; i++)
        {
            last = await Dashboard.SignInAsync();
        }

        using var oldest = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: first);
        using var newest = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: last);

        Assert.Multiple(() =>
        {
            Assert.That(oldest.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(newest.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Dashboard_traffic_is_not_counted_as_protocol_requests_or_refusals()
    {
        using var refused = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app");
        var cookie = await Dashboard.SignInAsync();
        using var accepted = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie);

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(Server.Stats.RestRequests, Is.Zero);
            Assert.That(Server.Stats.RejectedWithCode(StreamErrorCode.AuthenticationFailed), Is.Zero);
        });
    }

    [Test]
    public async Task Files_are_served_with_an_etag_and_unknown_paths_get_code_16_or_405()
    {
        using var script = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/assets/main.js", pageHeader: false);
        using var again = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/assets/main.js", pageHeader: false,
            headers: new Dictionary<string, string> { ["If-None-Match"] = script.Headers.ETag!.Tag });
        using var missing = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/assets/../dashboard.html", pageHeader: false);
        using var unknown = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/nothing-here", pageHeader: false);
        using var wrongMethod = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/tokens");

        Assert.Multiple(() =>
        {
            Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(missing.StatusCode, Is.Not.EqualTo(HttpStatusCode.OK));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(wrongMethod.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        });
    }
}
