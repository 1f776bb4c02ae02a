using System;
using System.Linq;
using System.Threading.Tasks;
using Backend;
using Microsoft.Extensions.DependencyInjection;

namespace StreamChat.Backend.Tests;

/// <summary>
/// Client → sample backend (cookie login, <c>GET /chat/token</c>) → dev server, over real HTTP on 127.0.0.1: expiry storms
/// cost one endpoint call each, revocation by the backend ends or renews the session, refusals reach the caller typed.
/// </summary>
public sealed class BackendEndToEndTests
{
    [TestCase(20)]
    [TestCase(200)]
    public async Task Each_expiry_costs_one_endpoint_call_however_many_requests_wait(int concurrent)
    {
        await using var e2e = await EndToEnd.StartAsync();
        await using var client = await e2e.ConnectAsync("john-doe", "demo-password-john", ChatClaimsTokenProvider.FromEndpoint, "storm");
        Assert.That(e2e.EndpointCalls, Is.EqualTo(1));

        for (var expiry = 1; expiry <= 2; expiry++)
        {
            e2e.Clock.Advance(EndToEnd.TokenLifetime + TimeSpan.FromSeconds(1));

            var sends = Enumerable.Range(0, concurrent).Select(i => client.SendMessageAsync("messaging", "storm", $"expiry {expiry}, message {i}")).ToArray();
            await EndToEnd.Guard(Task.WhenAll(sends));

            Assert.That(e2e.EndpointCalls, Is.EqualTo(1 + expiry), $"one endpoint call for expiry {expiry} and its {concurrent} waiting requests");
        }

        Assert.Multiple(() =>
        {
            Assert.That(client.CurrentUser?.Id, Is.EqualTo("john-doe"));
            Assert.That(e2e.Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.GreaterThanOrEqualTo(2));
            Assert.That(e2e.Server.Stats.ServerErrors, Is.Zero);
        });
    }

    [Test]
    public async Task Logging_out_revokes_the_chat_tokens_and_the_next_request_ends_in_the_backends_401()
    {
        await using var e2e = await EndToEnd.StartAsync();
        await using var client = await e2e.ConnectAsync("john-doe", "demo-password-john", ChatClaimsTokenProvider.FromEndpoint, "logout");

        // Tokens carry whole-second iat: the logout's cutoff lies a second after the token was issued.
        e2e.Clock.Advance(TimeSpan.FromSeconds(1));
        await e2e.LogOutAsync();
        e2e.Clock.Advance(TimeSpan.FromSeconds(1));

        var error = (await Assert.ThrowsAsync<TokenProviderException>(() => EndToEnd.Guard(client.SendMessageAsync("messaging", "logout", "still here?"))))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(error.InnerException, Is.InstanceOf<TokenEndpointException>().With.Property(nameof(TokenEndpointException.Failure)).EqualTo(TokenEndpointFailure.NotAuthenticated));
            Assert.That(e2e.EndpointCalls, Is.EqualTo(2), "the connect's call, then one refresh after the revocation");
            Assert.That(e2e.Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1), "the revoked token was refused with code 40");
        });
    }

    [Test]
    public async Task Logging_out_and_in_again_within_one_second_connects_with_the_new_token()
    {
        await using var e2e = await EndToEnd.StartAsync();
        var first = await e2e.ConnectAsync("john-doe", "demo-password-john", ChatClaimsTokenProvider.FromEndpoint, "again");
        await first.DisposeAsync();

        // Log out at s + 0.2 (the cutoff), log in again at s + 0.7: the new token's iat is s.
        var now = e2e.Clock.GetUtcNow().UtcTicks;
        e2e.Clock.Advance(TimeSpan.FromTicks(TimeSpan.TicksPerSecond - (now % TimeSpan.TicksPerSecond)) + TimeSpan.FromMilliseconds(200));
        await e2e.LogOutAsync();
        e2e.Clock.Advance(TimeSpan.FromMilliseconds(500));
        await using var second = await e2e.ConnectAsync("john-doe", "demo-password-john", ChatClaimsTokenProvider.FromEndpoint, "again");
        var message = await EndToEnd.Guard(second.SendMessageAsync("messaging", "again", "back within the second"));

        Assert.Multiple(() =>
        {
            Assert.That(message.User?.Id, Is.EqualTo("john-doe"));
            Assert.That(e2e.EndpointCalls, Is.EqualTo(2), "one token per login, none refused");
            Assert.That(e2e.Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.Zero, "the new token is not revoked");
        });
    }

    [Test]
    public async Task Tokens_revoked_while_the_user_stays_logged_in_are_renewed_with_one_endpoint_call()
    {
        await using var e2e = await EndToEnd.StartAsync();
        await using var client = await e2e.ConnectAsync("jane", "demo-password-jane", ChatClaimsTokenProvider.FromEndpoint, "revoked");

        e2e.Clock.Advance(TimeSpan.FromSeconds(1));
        await EndToEnd.Guard(e2e.Backend.Services.GetRequiredService<ChatServerAdmin>().RevokeTokensAsync("jane", default));
        e2e.Clock.Advance(TimeSpan.FromSeconds(1));

        var sends = Enumerable.Range(0, 10).Select(i => client.SendMessageAsync("messaging", "revoked", $"after revocation {i}")).ToArray();
        var messages = await EndToEnd.Guard(Task.WhenAll(sends));

        Assert.Multiple(() =>
        {
            Assert.That(messages.Select(m => m.User?.Id), Is.All.EqualTo("jane"));
            Assert.That(e2e.EndpointCalls, Is.EqualTo(2));
            Assert.That(e2e.Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.GreaterThanOrEqualTo(1));
        });
    }

    [Test]
    public async Task A_user_the_backend_refuses_gets_a_403_once_and_a_typed_error()
    {
        await using var e2e = await EndToEnd.StartAsync();
        await e2e.LogInAsync("spammer", "demo-password-spam");
        await using var client = new ChatClient(e2e.Config(), TokenProvider.FromEndpoint(e2e.Http, e2e.TokenEndpoint));

        var error = (await Assert.ThrowsAsync<TokenProviderException>(() => EndToEnd.Guard(client.ConnectAsync())))!;

        Assert.That(error.InnerException, Is.InstanceOf<TokenEndpointException>().With.Property(nameof(TokenEndpointException.Failure)).EqualTo(TokenEndpointFailure.Forbidden));
        Assert.That(e2e.EndpointCalls, Is.EqualTo(1));
        Assert.That(e2e.Server.Stats.WebSocketConnects, Is.Zero);
    }

    [Test]
    public async Task A_typed_provider_refuses_tokens_whose_claims_do_not_fit_its_record()
    {
        await using var e2e = await EndToEnd.StartAsync();
        await e2e.LogInAsync("john-doe", "demo-password-john");
        var config = e2e.Config();
        await using var client = new ChatClient(config, TeamClaimsTokenProvider.FromEndpoint(e2e.Http, e2e.TokenEndpoint));

        var error = (await Assert.ThrowsAsync<TokenProviderException>(() => EndToEnd.Guard(client.ConnectAsync())))!;

        Assert.That(error.InnerException, Is.InstanceOf<TokenFormatException>().With.Property(nameof(TokenFormatException.ClaimName)).EqualTo("team"));
        Assert.That(e2e.Server.Stats.WebSocketConnects, Is.Zero, "a token that does not fit is never sent");
    }
}
