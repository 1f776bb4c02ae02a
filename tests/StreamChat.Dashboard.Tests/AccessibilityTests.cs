using System.Linq;
using System.Threading.Tasks;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>axe (Deque) on the dashboard with data in every table, and on the sign-in page: no serious or critical violation.</summary>
public sealed class AccessibilityTests : DashboardTest
{
    [Test]
    public async Task Dashboard_with_data_has_no_serious_or_critical_axe_violations()
    {
        await using var client = NewClient(TokenProvider.Static(new Token(Issuer.CreateUserToken("axe-ada"))));
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "a11y").Guard();
        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync("axe-ada");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#token-result")).ToBeVisibleAsync();
        await Assertions.Expect(Row("connections", "axe-ada")).ToBeVisibleAsync();

        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task Form_errors_have_no_serious_or_critical_axe_violations()
    {
        ExpectedConsoleErrors.Add(BadRequestLogged);
        await OpenDashboardAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#token-error")).Not.ToBeEmptyAsync();

        await AssertNoSeriousViolationsAsync();
    }

    [Test]
    public async Task Sign_in_page_has_no_serious_or_critical_axe_violations()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged);
        await Page.GotoAsync(new System.Uri(Server.BaseUrl, "dashboard?key=wrong").ToString());
        await Assertions.Expect(Page.Locator("#refused")).Not.ToBeEmptyAsync();

        await AssertNoSeriousViolationsAsync();
    }

    private async Task AssertNoSeriousViolationsAsync()
    {
        var result = await Page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.That(serious, Is.Empty);
    }
}
