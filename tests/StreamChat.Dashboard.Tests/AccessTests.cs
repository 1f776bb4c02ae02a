using System.Collections.Generic;
using System.Linq;
using System.Net.Sockets;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>Only whoever holds the printed link (or the API secret) gets in, and no other origin can drive the page.</summary>
public sealed class AccessTests : DashboardTest
{
    [Test]
    public async Task Without_the_key_the_page_is_refused_and_shows_nothing_of_the_app()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);

        var response = await Page.GotoAsync(new System.Uri(Server.BaseUrl, "dashboard").ToString());

        Assert.That(response!.Status, Is.EqualTo(401));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "StreamChat dev server Dashboard" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByLabel("API secret")).ToBeVisibleAsync();
        var content = await Page.ContentAsync();
        Assert.Multiple(() =>
        {
            Assert.That(content, Does.Not.Contain(Server.ApiKey));
            Assert.That(content, Does.Not.Contain(Server.ApiSecret));
        });
        var api = await Page.EvaluateAsync<int>("() => fetch('/dashboard/api/app', { headers: { 'X-StreamChat-Dashboard': '1' } }).then(r => r.status)");
        Assert.That(api, Is.EqualTo(401), "the dashboard's calls need a session too");
    }

    [Test]
    public async Task A_wrong_key_is_refused_with_a_message_and_dropped_from_the_address()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);

        var response = await Page.GotoAsync(new System.Uri(Server.BaseUrl, "dashboard?key=not-the-key").ToString());

        Assert.That(response!.Status, Is.EqualTo(401));
        await Assertions.Expect(Page.Locator("#refused")).ToContainTextAsync("That link's key is not valid for this dev server");
        Assert.That(Page.Url, Does.Not.Contain("key"));
        Assert.That(await Context.CookiesAsync(), Is.Empty);
    }

    [Test]
    public async Task The_link_sets_a_strict_http_only_session_cookie_and_drops_the_key()
    {
        await OpenDashboardAsync();

        var cookie = (await Context.CookiesAsync()).Single();
        Assert.Multiple(() =>
        {
            Assert.That(cookie.Name, Is.EqualTo($"streamchat-dashboard-{Server.BaseUrl.Port}"));
            Assert.That(cookie.HttpOnly, Is.True);
            Assert.That(cookie.SameSite, Is.EqualTo(SameSiteAttribute.Strict));
            Assert.That(cookie.Path, Is.EqualTo("/"));
            Assert.That(cookie.Value, Does.Not.Contain(Server.DashboardUrl.Query.Split('=')[1]), "the cookie is a session, not the key");
            Assert.That(Page.Url, Is.EqualTo(new System.Uri(Server.BaseUrl, "dashboard").ToString()));
        });
        Assert.That(await Page.EvaluateAsync<string>("() => document.cookie"), Is.Empty, "scripts cannot read the session");
    }

    [Test]
    public async Task The_api_secret_signs_in_and_a_wrong_one_gets_a_message()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);
        await Page.GotoAsync(new System.Uri(Server.BaseUrl, "dashboard").ToString());

        await Page.GetByLabel("API secret").FillAsync("not the secret at all, but long enough");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#sign-in-error")).ToHaveTextAsync("That is not this app's API secret (the dev server printed it at start).");
        await Assertions.Expect(Page.GetByLabel("API secret")).ToHaveAttributeAsync("aria-invalid", "true");

        await Page.GetByLabel("API secret").FillAsync(Server.ApiSecret);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#api-key")).ToHaveValueAsync(Server.ApiKey);
        await Assertions.Expect(Page.Locator("#live-state")).ToHaveTextAsync("Live");
    }

    [Test]
    public async Task Signing_out_ends_the_session()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);
        await OpenDashboardAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        Assert.That(await Context.CookiesAsync(), Is.Empty);
    }

    [Test]
    public async Task A_session_cookie_replayed_from_outside_the_browser_is_refused()
    {
        // A local process that got hold of the cookie can forge the page's header and Sec-Fetch-Site; the page secret it lacks.
        await OpenDashboardAsync();
        await Assertions.Expect(Page.Locator("#live-state")).ToHaveTextAsync("Live");
        var cookie = (await Context.CookiesAsync()).Single();
        using var http = new System.Net.Http.HttpClient(new System.Net.Http.SocketsHttpHandler { UseCookies = false }) { BaseAddress = Server.BaseUrl };
        var statuses = new List<string>();
        foreach (var (method, path) in new[] { ("GET", "dashboard/api/app"), ("POST", "dashboard/api/secret"), ("GET", "dashboard/api/live") })
        {
            using var request = new System.Net.Http.HttpRequestMessage(new System.Net.Http.HttpMethod(method), path);
            request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            request.Headers.Add("X-StreamChat-Dashboard", "1");
            request.Headers.Add("Sec-Fetch-Site", "same-origin");
            request.Headers.Add("Origin", Server.BaseUrl.GetLeftPart(System.UriPartial.Authority));
            using var response = await http.SendAsync(request, System.Net.Http.HttpCompletionOption.ResponseHeadersRead).WaitAsync(HangGuard.Limit);
            statuses.Add($"{method} {path}: {(int)response.StatusCode}");
        }

        Assert.That(statuses, Is.All.EndsWith(": 401"));
        await Assertions.Expect(Page.Locator("#api-key")).ToHaveValueAsync(Server.ApiKey);
    }

    [Test]
    public async Task When_the_session_is_signed_out_the_live_view_stops()
    {
        await OpenDashboardAsync();
        await Assertions.Expect(Page.Locator("#live-state")).ToHaveTextAsync("Live");

        // Signed out behind the page's back (as another window of the same page would): the open feed ends.
        var status = await Page.EvaluateAsync<int>(
            "() => fetch('/dashboard/logout', { method: 'POST', headers: { 'X-StreamChat-Dashboard': sessionStorage.getItem('streamchat-dashboard-page'), 'Content-Type': 'application/json' }, body: '{}' }).then(r => r.status)");

        Assert.That(status, Is.EqualTo(200));
        await Assertions.Expect(Page.Locator("#live-state")).ToHaveTextAsync("Live view stopped: you are signed out. Reload the page and sign in again.");
    }

    [Test]
    public async Task A_page_on_another_port_of_127_0_0_1_cannot_drive_the_dashboard()
    {
        // Another port of 127.0.0.1 is the same site, so the strict cookie goes along: only the origin checks stop it.
        await OpenDashboardAsync();
        var target = new System.Uri(Server.BaseUrl, "dashboard/api/revocation");
        var attacker = $"http://127.0.0.1:{UnusedPort()}/";
        await Context.RouteAsync(attacker + "**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $$"""
                <!doctype html><title>attacker</title>
                <form method="post" enctype="text/plain" action="{{target}}"><input name='{"revoked":true,"x":"' value='"}'></form>
                """,
        }));
        await Page.GotoAsync(attacker);

        var withHeader = await Page.EvaluateAsync<string>(
            $$"""() => fetch('{{target}}', { method: 'POST', credentials: 'include', headers: { 'X-StreamChat-Dashboard': '1', 'Content-Type': 'application/json' }, body: '{"revoked":true}' }).then(r => 'status ' + r.status, e => 'blocked')""");
        var formPost = Page.WaitForResponseAsync(response => response.Url == target.ToString() && response.Request.Method == "POST");
        await Page.Locator("form").EvaluateAsync("form => form.submit()");
        var response = await formPost;
        var app = await ServerCalls.GetAppAsync(Server, Issuer);

        Assert.Multiple(() =>
        {
            Assert.That(withHeader, Is.EqualTo("blocked"), "the browser does not send a cross-origin call with the dashboard's header (it needs a preflight the dashboard never grants)");
            Assert.That(response.Status, Is.EqualTo(403), "a cross-origin form post is refused");
            Assert.That(app["app"]?["revoke_tokens_issued_before"], Is.Null, "nothing was revoked");
        });
        ExpectedConsoleErrors.Add("CORS policy");
        ExpectedConsoleErrors.Add("Failed to load resource");
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
