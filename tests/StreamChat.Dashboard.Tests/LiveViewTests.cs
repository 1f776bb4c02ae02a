using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.Dashboard.Tests.Support;

namespace StreamChat.Dashboard.Tests;

/// <summary>The live view follows the server through server-sent events, without reloading the page.</summary>
public sealed class LiveViewTests : DashboardTest
{
    // The bound for a new connection to show; the feed looks for changes every 250 ms.
    private const float LiveBoundMilliseconds = 2_000;

    [Test]
    public async Task New_connection_appears_in_the_live_view_within_2_seconds_without_a_reload()
    {
        await OpenDashboardAsync();
        await Page.EvaluateAsync("() => { window.sameDocument = true; }");

        await using var client = NewClient(TokenProvider.Static(new Token(Issuer.CreateUserToken("live-lou"))));
        await client.ConnectAsync().Guard();

        await Assertions.Expect(Row("connections", "live-lou")).ToBeVisibleAsync(new() { Timeout = LiveBoundMilliseconds });
        await Assertions.Expect(Row("connections", "live-lou")).ToContainTextAsync("jwt");
        await Assertions.Expect(Page.Locator("#connections-count")).ToHaveTextAsync("(1)");
        Assert.That(await Page.EvaluateAsync<bool>("() => window.sameDocument === true"), Is.True, "the page was not reloaded");

        await client.DisconnectAsync().Guard();
        await Assertions.Expect(Row("connections", "live-lou")).ToHaveCountAsync(0);
        await Assertions.Expect(Row("users", "live-lou")).ToContainTextAsync("28 Nov 2026, 12:00:00");
    }

    [Test]
    public async Task Connections_show_how_they_authenticated()
    {
        await ServerCalls.PatchAppAsync(Server, Issuer, """{"disable_auth_checks":true}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/livestream/stage/query", """{"data":{"created_by_id":"host"}}""");
        await OpenDashboardAsync();

        await using var jwt = NewClient(TokenProvider.Static(new Token(Issuer.CreateUserToken("jwt-jo"))));
        await using var development = NewClient(TokenProvider.Development("dev-dan"));
        await using var guest = NewClient(TokenProvider.Guest("guest-gus"));
        await using var anonymous = NewClient(TokenProvider.Anonymous);
        foreach (var client in new[] { jwt, development, guest, anonymous })
        {
            await client.ConnectAsync().Guard();
        }

        await Assertions.Expect(Row("connections", "jwt-jo")).ToContainTextAsync("jwt");
        await Assertions.Expect(Row("connections", "dev-dan")).ToContainTextAsync("development");
        await Assertions.Expect(Row("connections", "guest-gus")).ToContainTextAsync("guest");
        await Assertions.Expect(Row("connections", "anonymous")).ToHaveCountAsync(1);
        await Assertions.Expect(Row("users", "guest-gus")).ToContainTextAsync("guest");
    }

    [Test]
    public async Task Channels_count_members_and_messages_and_refusals_are_listed_by_code()
    {
        await OpenDashboardAsync();
        await ServerCalls.PostAsync(Server, Issuer, "users", """{"users":{"ann":{"id":"ann"},"ben":{"id":"ben"}}}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/messaging/general/query", """{"data":{"created_by_id":"ann","members":["ann","ben"]}}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/messaging/general/message", """{"message":{"text":"one","user_id":"ann"}}""");
        await ServerCalls.PostAsync(Server, Issuer, "channels/messaging/general/message", """{"message":{"text":"two","user_id":"ben"}}""");
        await using var refused = NewClient(TokenProvider.Development("dev-dee"));
        await Assert.ThrowsAsync<ChatApiException>(() => refused.ConnectAsync().Guard());

        var general = Row("channels", "messaging:general");
        await Assertions.Expect(general.Locator("td").Nth(1)).ToHaveTextAsync("2");
        await Assertions.Expect(general.Locator("td").Nth(2)).ToHaveTextAsync("2");
        await Assertions.Expect(Row("refusal-codes", "authentication failed").Locator("td").Nth(2)).ToHaveTextAsync("1");
        await Assertions.Expect(Row("refusals", "WebSocket /connect")).ToContainTextAsync("development tokens are accepted only when auth checks are disabled");
    }
}
