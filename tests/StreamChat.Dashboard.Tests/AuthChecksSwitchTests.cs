using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>The "Disable auth checks" switch, saved through the protocol's own <c>PATCH /app</c>, as a client sees it.</summary>
public sealed class AuthChecksSwitchTests : DashboardTest
{
    [Test]
    public async Task Flipping_the_switch_lets_a_development_token_connect_and_flipping_it_back_refuses_it_with_code_5()
    {
        await OpenDashboardAsync();
        var toggle = Page.GetByRole(AriaRole.Switch, new() { Name = "Disable auth checks" });
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
        await using (var developer = NewClient(TokenProvider.Development("dev-dora")))
        {
            var user = await developer.ConnectAsync().Guard();
            Assert.That(user.Id, Is.EqualTo("dev-dora"));
        }

        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-checked", "false");
        await using var refused = NewClient(TokenProvider.Development("dev-dora"));
        var error = await Assert.ThrowsAsync<ChatApiException>(() => refused.ConnectAsync().Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
            Assert.That(Server.Stats.RejectedWithCode(StreamErrorCode.AuthenticationFailed), Is.EqualTo(1));
        });
        await Assertions.Expect(Page.Locator("#app-status")).ToContainTextAsync("refused with code 5");
    }

    [Test]
    public async Task Switch_works_from_the_keyboard()
    {
        await OpenDashboardAsync();
        var toggle = Page.GetByRole(AriaRole.Switch, new() { Name = "Disable auth checks" });

        await toggle.FocusAsync();
        await Page.Keyboard.PressAsync("Space");

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
        var app = await ServerCalls.GetAppAsync(Server, Issuer);
        Assert.That(app["app"]?["disable_auth_checks"]?.GetValue<bool>(), Is.True);
        await Assertions.Expect(toggle).ToBeFocusedAsync();
    }

    [Test]
    public async Task Switch_follows_a_change_made_by_a_server_client()
    {
        await OpenDashboardAsync();
        var toggle = Page.GetByRole(AriaRole.Switch, new() { Name = "Disable auth checks" });

        await ServerCalls.PatchAppAsync(Server, Issuer, """{"disable_auth_checks":true}""");

        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-checked", "true");
    }
}
