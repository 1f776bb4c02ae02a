using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>The "Token for testing" form: a token a static provider takes, and a clear message for every bad input.</summary>
public sealed class TokenFormTests : DashboardTest
{
    [Test]
    public async Task Token_minted_on_the_page_connects_a_client_as_a_static_token()
    {
        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync("mint-mia");
        await Page.GetByLabel("Expires in, amount").FillAsync("2");
        await Page.GetByLabel("Expires in, unit").SelectOptionAsync("hours");
        await Page.GetByLabel("Extra claims").FillAsync("""{"team": "blue", "level": 3}""");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        var output = Page.Locator("#token-output");
        await Assertions.Expect(output).Not.ToHaveValueAsync(string.Empty);
        var token = new Token(await output.InputValueAsync());
        var decoded = JsonNode.Parse(await Page.Locator("#token-decoded").TextContentAsync() ?? "null")!.AsObject();
        await using var client = NewClient(TokenProvider.Static(token));
        var user = await client.ConnectAsync().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("mint-mia"));
            Assert.That(token.ExpiresAt, Is.EqualTo(Start.AddHours(2)));
            Assert.That(decoded["user_id"]?.GetValue<string>(), Is.EqualTo("mint-mia"));
            Assert.That(decoded["team"]?.GetValue<string>(), Is.EqualTo("blue"));
            Assert.That(decoded["level"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(decoded["exp"]?.GetValue<long>(), Is.EqualTo(Start.AddHours(2).ToUnixTimeSeconds()));
        });
        await Assertions.Expect(Page.Locator("#token-expiry")).ToContainTextAsync("Expires 28 Nov 2026, 14:00:00");
    }

    [Test]
    public async Task Token_without_an_expiry_never_expires()
    {
        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync("forever-fay");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#token-expiry")).ToHaveTextAsync("Never expires.");
        var token = new Token(await Page.Locator("#token-output").InputValueAsync());
        Assert.That(token.ExpiresAt, Is.Null);
    }

    [TestCase("", "", "", "token-user", "Enter a user id.")]
    [TestCase("bad id!", "", "", "token-user", "A user id may only contain letters, digits, @, _ and -")]
    [TestCase("ok", "soon", "", "token-expires", "Expires in must be a whole number greater than 0")]
    [TestCase("ok", "-5", "", "token-expires", "Expires in must be a whole number greater than 0")]
    [TestCase("ok", "0", "", "token-expires", "Expires in must be a whole number greater than 0")]
    [TestCase("ok", "99999999", "", "token-expires", "at most 10 years")]
    [TestCase("ok", "", "{not json", "token-claims", "Extra claims must be a JSON object")]
    [TestCase("ok", "", "[1, 2]", "token-claims", "Extra claims must be a JSON object")]
    [TestCase("ok", "", """{"a": 1, "a": 2}""", "token-claims", "duplicate property name")]
    [TestCase("ok", "", """{"exp": 1}""", "token-claims", "The claim 'exp' is reserved")]
    [TestCase("ok", "", """{"server": true}""", "token-claims", "The claim 'server' marks the app's server token")]
    public async Task Bad_input_in_the_token_form_gets_a_message_on_the_field_and_no_token(string userId, string expiresIn, string claims, string field, string message)
    {
        ExpectedConsoleErrors.Add(BadRequestLogged);
        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync(userId);
        await Page.GetByLabel("Expires in, amount").FillAsync(expiresIn);
        await Page.GetByLabel("Extra claims").FillAsync(claims);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert).Filter(new() { HasText = message })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator($"#{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Page.Locator($"#{field}")).ToBeFocusedAsync();
        await Assertions.Expect(Page.Locator("#token-result")).ToBeHiddenAsync();
    }

    [Test]
    public async Task A_corrected_form_clears_the_message_and_shows_the_token()
    {
        ExpectedConsoleErrors.Add(BadRequestLogged);
        await OpenDashboardAsync();
        await Page.GetByLabel("User id").FillAsync("no spaces");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();
        await Assertions.Expect(Page.Locator("#token-error")).Not.ToBeEmptyAsync();

        await Page.GetByLabel("User id").FillAsync("no-spaces");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Create token" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#token-result")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#token-error")).ToBeEmptyAsync();
        await Assertions.Expect(Page.Locator("#token-user")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        Assert.That(new Token(await Page.Locator("#token-output").InputValueAsync()).UserId, Is.EqualTo("no-spaces"));
    }
}
