using System;
using System.Threading.Tasks;
using Microsoft.Playwright;
using StreamChat.BlazorChat.Tests.Support;

namespace StreamChat.BlazorChat.Tests;

/// <summary>
/// samples/BlazorChat, published in Release and trimmed, in Chromium: two browser contexts are two users of the sample
/// backend, which serves the app and its token endpoint on one origin; the chat server is the dev server.
/// </summary>
public sealed class ChatPageTests : ChatPageTest
{
    [Test]
    public async Task Two_users_log_in_connect_and_each_sees_the_others_message()
    {
        var john = await LogInAsync("john-doe", "demo-password-john");
        var jane = await LogInAsync("jane", "demo-password-jane");

        await SendAsync(john, "hello from john");
        await SendAsync(jane, "hello from jane");

        foreach (var page in new[] { john, jane })
        {
            await Assertions.Expect(Message(page, "hello from john")).ToContainTextAsync("john-doe");
            await Assertions.Expect(Message(page, "hello from jane")).ToContainTextAsync("jane");
        }

        Assert.Multiple(() =>
        {
            Assert.That(EndpointCalls.Count, Is.EqualTo(2), "one token per user");
            Assert.That(Server.Stats.WebSocketConnects, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Token_expiry_with_several_requests_in_flight_costs_one_endpoint_call_and_every_request_resumes()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged); // the chat server's code 40 answers
        var john = await LogInAsync("john-doe", "demo-password-john");
        var jane = await LogInAsync("jane", "demo-password-jane");
        var callsBefore = EndpointCalls.Count;

        Clock.Advance(TokenLifetime + TimeSpan.FromSeconds(1)); // both users' tokens have expired on the chat server's clock
        await SendAsync(john, "after expiry", burst: true);

        await Assertions.Expect(john.Locator("#sent")).ToHaveTextAsync("5 sent.");
        for (var i = 1; i <= 5; i++)
        {
            await Assertions.Expect(Message(jane, $"after expiry #{i}")).ToBeVisibleAsync();
        }

        Assert.Multiple(async () =>
        {
            Assert.That(EndpointCalls.Count - callsBefore, Is.EqualTo(1), "one refresh for all the requests in flight");
            Assert.That(Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.GreaterThanOrEqualTo(2), "several requests were in flight with the expired token");
            Assert.That(await john.Locator("#error").CountAsync(), Is.Zero);
        });
    }

    [Test]
    public async Task After_logout_the_next_refresh_ends_in_a_clear_error_on_the_page()
    {
        ExpectedConsoleErrors.Add(UnauthorizedLogged); // the revoked token's code 40, then the endpoint's 401
        var john = await LogInAsync("john-doe", "demo-password-john");

        Clock.Advance(TimeSpan.FromSeconds(1)); // the revocation cutoff is after the token's iat
        await john.Locator("#logout").ClickAsync();
        await Assertions.Expect(john.Locator("#logged-out")).ToBeVisibleAsync();
        await SendAsync(john, "after logout");

        var error = john.Locator("#error");
        await Assertions.Expect(error).ToContainTextAsync("401");
        await Assertions.Expect(error).ToContainTextAsync("Log the user in first");
        Assert.That(await Message(john, "after logout").CountAsync(), Is.Zero);
    }

    [Test]
    public async Task Closing_the_page_disposes_the_client()
    {
        var john = await LogInAsync("john-doe", "demo-password-john");
        Assert.That(Server.Stats.OpenWebSockets, Is.EqualTo(1));

        // What the browser does as the page goes away: the sample's pagehide handler disposes the client synchronously.
        // A Dispose that blocked would throw on the browser's one thread ("Cannot wait on monitors").
        await john.EvaluateAsync("window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false }))");

        await Assertions.Expect(john.Locator("#state")).ToHaveTextAsync("Disconnected");
        await Poll.UntilAsync(() => Server.Stats.OpenWebSockets == 0);
        await john.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
    }
}
