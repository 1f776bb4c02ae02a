using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>The dashboard page itself: it loads cleanly and shows the app's key, and the secret only when revealed.</summary>
public sealed class PageTests : DashboardTest
{
    [Test]
    public async Task Page_loads_with_no_console_errors_and_shows_the_base_url_and_api_key()
    {
        await OpenDashboardAsync();

        await Assertions.Expect(Page).ToHaveTitleAsync("Dashboard · StreamChat dev server");
        await Assertions.Expect(Page.Locator("#api-key")).ToHaveValueAsync(Server.ApiKey);
        await Assertions.Expect(Page.Locator("#base-url")).ToHaveValueAsync(Server.BaseUrl.ToString());
        Assert.That(Page.Url, Does.Not.Contain("key="), "the link's key is dropped from the address");
    }

    [Test]
    public async Task Copy_puts_the_api_key_and_the_revealed_secret_on_the_clipboard()
    {
        await Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = Server.BaseUrl.GetLeftPart(System.UriPartial.Authority) });
        await OpenDashboardAsync();
        var copySecret = Page.GetByRole(AriaRole.Button, new() { Name = "Copy the API secret" });
        await Assertions.Expect(copySecret).ToBeDisabledAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Copy the API key" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#app-status")).ToHaveTextAsync("Copied the API key.");
        var key = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await copySecret.ClickAsync();
        await Assertions.Expect(Page.Locator("#app-status")).ToHaveTextAsync("Copied the API secret.");
        var secret = await Page.EvaluateAsync<string>("() => navigator.clipboard.readText()");

        Assert.Multiple(() =>
        {
            Assert.That(key, Is.EqualTo(Server.ApiKey));
            Assert.That(secret, Is.EqualTo(Server.ApiSecret));
        });
    }

    [Test]
    public async Task Secret_is_hidden_until_revealed_and_hidden_again()
    {
        await OpenDashboardAsync();
        var secret = Page.Locator("#api-secret");
        Assert.That(await Page.ContentAsync(), Does.Not.Contain(Server.ApiSecret), "the page holds no secret before it is revealed");
        await Assertions.Expect(secret).ToHaveValueAsync(string.Empty);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Reveal" }).ClickAsync();
        await Assertions.Expect(secret).ToHaveValueAsync(Server.ApiSecret);
        await Assertions.Expect(secret).ToHaveAttributeAsync("type", "text");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Hide" }).ClickAsync();
        await Assertions.Expect(secret).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(secret).ToHaveAttributeAsync("type", "password");
    }
}
