using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>
/// A dashboard session is the cookie plus the page secret the signed-in page holds: a cookie replayed from outside the
/// browser opens nothing, the live feed ends with the session, the page's server token is short-lived, and the sign-in
/// form never puts the secret in an address.
/// </summary>
public sealed class DashboardSessionTests : DashboardTest
{
    // What a local process that got the cookie can forge: the page's header and Sec-Fetch-Site, but not the page secret.
    private static readonly Dictionary<string, string> Forged = new()
    {
        [DashboardHttp.PageHeader] = "1",
        ["Sec-Fetch-Site"] = "same-origin",
    };

    [TestCase("GET", "/dashboard/api/app")]
    [TestCase("POST", "/dashboard/api/secret")]
    [TestCase("POST", "/dashboard/api/tokens")]
    [TestCase("POST", "/dashboard/api/revocation")]
    [TestCase("GET", "/dashboard/api/live")]
    [TestCase("POST", "/dashboard/logout")]
    public async Task A_replayed_cookie_without_the_page_secret_is_refused(string method, string path)
    {
        var cookie = await Dashboard.SignInAsync();
        var otherPage = await Dashboard.SignInAsync();
        var body = method == "POST" ? """{"revoked":true,"user_id":"x"}""" : null;

        using var replayed = await Dashboard.SendAsync(new HttpMethod(method), path, body, cookie, pageHeader: false, headers: Forged);
        using var anotherPagesSecret = await Dashboard.SendAsync(new HttpMethod(method), path, body, cookie,
            headers: new Dictionary<string, string> { [DashboardHttp.PageHeader] = Dashboard.PageSecret(otherPage) });
        using var fromThePage = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie);

        Assert.Multiple(() =>
        {
            Assert.That(replayed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the cookie with forged headers");
            Assert.That(anotherPagesSecret.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "the cookie with another session's page secret");
            Assert.That(fromThePage.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the cookie with its page's secret");
            Assert.That(Server.State.Users.AppRevokedBefore, Is.Null);
        });
    }

    [Test]
    public async Task Signing_out_ends_the_open_live_feed()
    {
        var cookie = await Dashboard.SignInAsync();
        using var feed = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/live", cookie: cookie);
        using var events = new StreamReader(await feed.Content.ReadAsStreamAsync());
        Assert.That(await NextEventAsync(events), Is.EqualTo("snapshot"));

        using var signOut = await Dashboard.SendAsync(HttpMethod.Post, "/dashboard/logout", "{}", cookie);
        var next = await NextEventAsync(events);
        var rest = await ReadToEndAsync(events);

        Assert.Multiple(() =>
        {
            Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(next, Is.EqualTo("end"), "the page learns why the feed stops");
            Assert.That(rest, Is.Empty, "then the stream ends");
        });
    }

    [Test]
    public async Task An_evicted_session_ends_its_live_feed()
    {
        var cookie = await Dashboard.SignInAsync();
        using var feed = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/live", cookie: cookie);
        using var events = new StreamReader(await feed.Content.ReadAsStreamAsync());
        Assert.That(await NextEventAsync(events), Is.EqualTo("snapshot"));

        for (var i = 0; i < StreamChat.DevServer.Dashboard.DashboardSessions.Capacity; i++)
        {
            await Dashboard.SignInAsync();
        }

        Assert.That(await NextEventAsync(events), Is.EqualTo("end"));
    }

    [Test]
    public async Task The_pages_server_token_expires_after_five_minutes()
    {
        var cookie = await Dashboard.SignInAsync();
        var app = await CallAsync(HttpMethod.Get, "/dashboard/api/app", null, cookie, HttpStatusCode.OK);
        var token = Token.Parse(app["server_token"]!.GetValue<string>());
        var settings = await Api.SendAsync(HttpMethod.Get, "/app", null, token.RawValue);
        Clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await Api.SendAsync(HttpMethod.Get, "/app", null, token.RawValue);

        Assert.Multiple(() =>
        {
            Assert.That(token.ExpiresAt, Is.EqualTo(Start.AddMinutes(5)));
            Assert.That(settings.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(expired.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
    }

    [Test]
    public async Task The_sign_in_form_posts_to_the_dashboard_and_never_falls_back_to_a_get()
    {
        using var page = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard", pageHeader: false);
        var html = await page.Content.ReadAsStringAsync();
        var form = html[html.IndexOf("<form", StringComparison.Ordinal)..];
        form = form[..(form.IndexOf('>', StringComparison.Ordinal) + 1)];

        Assert.That(form, Does.Contain("method=\"post\"").And.Contain("action=\"/dashboard/login\""), form);
    }

    [Test]
    public async Task A_tab_without_the_page_secret_can_ask_for_the_sign_in_page()
    {
        var cookie = await Dashboard.SignInAsync();
        using var page = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard?signin", cookie: cookie, pageHeader: false);

        Assert.That(await page.Content.ReadAsStringAsync(), Does.Contain("sign-in-form"));
    }

    private static async Task<string?> NextEventAsync(StreamReader events)
    {
        using var guard = HangGuard.Start();
        while (await events.ReadLineAsync(guard.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                return line["event: ".Length..];
            }
        }

        return null;
    }

    private static async Task<string> ReadToEndAsync(StreamReader events)
    {
        using var guard = HangGuard.Start();
        var rest = await events.ReadToEndAsync(guard.Token);
        return rest.Replace("data: {\"reason\":\"signed out\"}", string.Empty, StringComparison.Ordinal).Trim();
    }
}
