using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;
using StreamChat.Tests.Shared;

namespace StreamChat.Dashboard.Tests;

/// <summary>
/// The screenshots in docs/images, taken of a dashboard with something in every table. Every run takes them and attaches
/// them to the test result; <c>STREAMCHAT_UPDATE_SCREENSHOTS=1</c> also writes them into docs/images (then shrink them before
/// committing: <c>pngquant --quality 70-90 --ext .png --force docs/images/*.png</c>).
/// </summary>
public sealed class ScreenshotTests : DashboardTest
{
    private static bool UpdateDocs => Environment.GetEnvironmentVariable("STREAMCHAT_UPDATE_SCREENSHOTS") == "1";

    [Test]
    public async Task Dashboard_with_a_busy_app()
    {
        await ServerCalls.PatchAppAsync(Server, Issuer, """{"disable_auth_checks":true}""");
        await ServerCalls.PostAsync(Server, Issuer, "users", """{"users":{"alice":{"id":"alice"},"bob":{"id":"bob"}}}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/messaging/general/query", """{"data":{"created_by_id":"alice","members":["alice","bob"]}}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/livestream/launch/query", """{"data":{"created_by_id":"alice"}}""");
        await using var alice = NewClient(TokenProvider.Static(new Token(Issuer.CreateUserToken("alice", TimeSpan.FromHours(1)))));
        await using var developer = NewClient(TokenProvider.Development("dev-dora"));
        await using var guest = NewClient(TokenProvider.Guest("guest-gus"));
        await using var visitor = NewClient(TokenProvider.Anonymous);
        foreach (var client in new[] { alice, developer, guest, visitor })
        {
            await client.ConnectAsync().Guard();
        }

        await alice.SendMessageAsync("messaging", "general", "hello bob").Guard();
        await guest.SendMessageAsync("livestream", "launch", "hi from a guest").Guard();
        await Assert.ThrowsAsync<ChatApiException>(() => visitor.SendMessageAsync("livestream", "launch", "anonymous visitors cannot post").Guard());
        Clock.Advance(TimeSpan.FromMinutes(3));
        await ServerCalls.PostAsync(Server, Issuer, "users/revoke_tokens", """{"user_ids":["bob"],"revoke_tokens_issued_before":"2026-11-28T12:02:00Z"}""");

        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync("alice");
        await Page.GetByLabel("Expires in, amount").FillAsync("1");
        await Page.GetByLabel("Extra claims").FillAsync("""{"role": "moderator"}""");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#token-result")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#connections-count")).ToHaveTextAsync("(4)");

        await SaveAsync("dashboard.png", fullPage: true);
    }

    [Test]
    public async Task Sign_in_page()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);
        await Page.SetViewportSizeAsync(1280, 560);
        await Page.GotoAsync(new Uri(Server.BaseUrl, "dashboard?key=from-an-old-start").ToString());
        await Assertions.Expect(Page.Locator("#refused")).Not.ToBeEmptyAsync();

        await SaveAsync("dashboard-sign-in.png", fullPage: false);
    }

    private async Task SaveAsync(string name, bool fullPage)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, name);
        var png = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage, Animations = ScreenshotAnimations.Disabled });
        TestContext.AddTestAttachment(path);
        if (UpdateDocs)
        {
            await File.WriteAllBytesAsync(Path.Combine(RepositoryFiles.Root, "docs", "images", name), png);
        }

        Assert.That(png, Has.Length.GreaterThan(1000), "a picture, not an empty file");
    }
}
