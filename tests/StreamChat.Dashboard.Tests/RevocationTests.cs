using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>Revocation from the page, on the server's clock: a client of the revoked user refreshes its token once.</summary>
public sealed class RevocationTests : DashboardTest
{
    [Test]
    public async Task Revoking_a_user_on_the_page_gives_that_users_client_code_40_and_one_refresh()
    {
        var calls = 0;
        var provider = TokenProvider.Closure(_ => Task.FromResult(new Token(Issuer.CreateUserToken("rita", TimeSpan.FromHours(1), new System.Collections.Generic.Dictionary<string, object?> { ["n"] = Interlocked.Increment(ref calls) }))));
        await using var client = NewClient(provider);
        await client.ConnectAsync().Guard();
        await OpenDashboardAsync();

        // Tokens carry whole-second iat: the cutoff lies a second after the first token, the refresh a second later.
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Row("users", "rita").GetByRole(AriaRole.Button, new() { Name = "Revoke tokens of rita" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#users-status")).ToContainTextAsync("Tokens of rita issued before this second are revoked");
        await Assertions.Expect(Row("users", "rita")).ToContainTextAsync("28 Nov 2026, 12:00:01");
        Clock.Advance(TimeSpan.FromSeconds(1));

        var channel = await client.QueryChannelAsync("messaging", "after-revocation").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(channel.Cid, Is.EqualTo("messaging:after-revocation"));
            Assert.That(calls, Is.EqualTo(2), "one call to connect, one refresh after the revocation");
            Assert.That(Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
        });
        await Assertions.Expect(Row("refusal-codes", "token expired or revoked")).ToContainTextAsync("1");
        await Assertions.Expect(Row("refusals", "token has been revoked")).ToBeVisibleAsync();
    }

    [Test]
    public async Task Lifting_a_users_revocation_clears_the_cutoff()
    {
        await ServerCalls.PostAsync(Server, Issuer, "users", """{"users":{"lena":{"id":"lena"}}}""");
        await OpenDashboardAsync();
        await Row("users", "lena").GetByRole(AriaRole.Button, new() { Name = "Revoke tokens of lena" }).ClickAsync();
        await Assertions.Expect(Row("users", "lena")).ToContainTextAsync("28 Nov 2026");

        await Row("users", "lena").GetByRole(AriaRole.Button, new() { Name = "Lift revocation of lena" }).ClickAsync();

        await Assertions.Expect(Row("users", "lena")).Not.ToContainTextAsync("28 Nov 2026");
        await Assertions.Expect(Page.Locator("#users-status")).ToContainTextAsync("lifted");
    }

    [Test]
    public async Task A_revoke_button_keeps_the_keyboard_focus_through_live_updates()
    {
        await ServerCalls.PostAsync(Server, Issuer, "users", """{"users":{"kim":{"id":"kim"},"kai":{"id":"kai"}}}""");
        await OpenDashboardAsync();
        await Row("users", "kim").GetByRole(AriaRole.Button).FocusAsync();

        await Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Page.Locator("#users-status")).ToContainTextAsync("Tokens of kim");
        await ServerCalls.PostAsync(Server, Issuer, "users", """{"users":{"kat":{"id":"kat"}}}""");
        await Assertions.Expect(Row("users", "kat")).ToBeVisibleAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Lift revocation of kim" })).ToBeFocusedAsync();
    }

    [Test]
    public async Task Revoking_all_tokens_refuses_every_older_token_until_it_is_lifted()
    {
        var token = Issuer.CreateUserToken("amos", TimeSpan.FromHours(1));
        await OpenDashboardAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));

        await Page.GetByRole(AriaRole.Button, new() { Name = "Revoke all tokens" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#app-revocation")).ToContainTextAsync("Tokens issued before 28 Nov 2026, 12:00:01 are revoked");
        var app = await ServerCalls.GetAppAsync(Server, Issuer);
        await using (var revoked = NewClient(TokenProvider.Static(new Token(token))))
        {
            var error = await Assert.ThrowsAsync<ChatApiException>(() => revoked.ConnectAsync().Guard());
            Assert.That(error!.Code, Is.EqualTo(StreamErrorCode.TokenExpired));
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Lift app-wide revocation" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#app-revocation")).ToContainTextAsync("No app-wide revocation");
        await using var lifted = NewClient(TokenProvider.Static(new Token(token)));
        var user = await lifted.ConnectAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(app["app"]?["revoke_tokens_issued_before"]?.GetValue<string>(), Does.StartWith("2026-11-28T12:00:01"));
            Assert.That(user.Id, Is.EqualTo("amos"));
        });
    }
}
