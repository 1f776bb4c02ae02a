using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using StreamChat.Server.AspNetCore.Tests.Support;

namespace StreamChat.Server.AspNetCore.Tests;

/// <summary><c>MapChatTokenEndpoint</c> in a real app on Kestrel: the answer, the refusals, composition with authorization and rate limiting, no token in logs.</summary>
public sealed class ChatTokenEndpointTests
{
    private static readonly Func<ClaimsPrincipal, Claims.ITokenClaims?> MemberClaims =
        user => user.Identity?.Name is { } name && !name.StartsWith("banned-", StringComparison.Ordinal) ? new TestClaims(name, user.IsInRole("admin") ? "admin" : "member") : null;

    [Test]
    public async Task A_logged_in_user_gets_a_signed_token_of_the_claims_record_that_no_cache_may_keep()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims));
        using var http = await backend.ClientAsync("ada");

        using var response = await http.GetAsync("chat/token").Guard();
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        using var json = JsonDocument.Parse(body);
        var token = new Token(json.RootElement.GetProperty("token").GetString()!);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True);
            Assert.That(response.Headers.Pragma.ToString(), Is.EqualTo("no-cache"));
            Assert.That(TestClaims.FromToken(token), Is.EqualTo(new TestClaims("ada", "member")));
            Assert.That(Hs256.IsSignedWith(token, TestBackend.Secret), Is.True, "signed with the configured secret");
            Assert.That(token.ExpiresAt - token.IssuedAt, Is.EqualTo(TimeSpan.FromMinutes(10)), "Chat:TokenLifetime");
            Assert.That(
                DateTimeOffset.ParseExact(json.RootElement.GetProperty("expires_at").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                Is.EqualTo(token.ExpiresAt));
        });
    }

    [Test]
    public async Task An_anonymous_request_gets_401_not_a_redirect_to_a_login_page()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims));
        using var http = await backend.ClientAsync(user: null);

        using var response = await http.GetAsync("chat/token").Guard();

        // Cookie authentication keeps the login page's address in Location, but answers 401 instead of redirecting.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Null_claims_are_a_403_with_problem_details_and_no_token()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims));
        using var http = await backend.ClientAsync("banned-bob");

        using var response = await http.GetAsync("chat/token").Guard();
        var body = await response.Content.ReadAsStringAsync();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        using var problem = JsonDocument.Parse(body);
        Assert.That(problem.RootElement.GetProperty("status").GetInt32(), Is.EqualTo(403));
        Assert.That(body, Does.Not.Contain("eyJ"));
    }

    [Test]
    public async Task RequireAuthorization_with_a_policy_composes_and_refuses_other_users_with_403_not_a_redirect()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims).RequireAuthorization("admins"));
        using var member = await backend.ClientAsync("ada");
        using var admin = await backend.ClientAsync("admin-grace");

        using var refused = await member.GetAsync("chat/token").Guard();
        using var allowed = await admin.GetAsync("chat/token").Guard();

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RequireRateLimiting_composes()
    {
        await using var backend = await TestBackend.StartAsync(
            app =>
            {
                app.UseRateLimiter();
                app.MapChatTokenEndpoint("/chat/token", MemberClaims).RequireRateLimiting("one");
            },
            services => services.AddRateLimiter(limiter =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.AddFixedWindowLimiter("one", window =>
                {
                    window.PermitLimit = 1;
                    window.Window = TimeSpan.FromHours(1);
                    window.QueueLimit = 0;
                });
            }));
        using var http = await backend.ClientAsync("ada");

        using var first = await http.GetAsync("chat/token").Guard();
        using var second = await http.GetAsync("chat/token").Guard();

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task The_async_form_gets_the_request_and_its_services()
    {
        await using var backend = await TestBackend.StartAsync(
            app => app.MapChatTokenEndpoint("/chat/token", async (context, cancellationToken) =>
            {
                var directory = context.RequestServices.GetRequiredService<RoleDirectory>();
                var role = await directory.FindRoleAsync(context.User.Identity!.Name!, cancellationToken);
                return role is null ? null : new TestClaims(context.User.Identity.Name!, role);
            }),
            services => services.AddSingleton<RoleDirectory>());
        using var moderator = await backend.ClientAsync("mod-lin");
        using var stranger = await backend.ClientAsync("stranger");

        using var allowed = await moderator.GetAsync("chat/token").Guard();
        using var refused = await stranger.GetAsync("chat/token").Guard();

        using var json = JsonDocument.Parse(await allowed.Content.ReadAsStringAsync());
        Assert.That(TestClaims.FromToken(new Token(json.RootElement.GetProperty("token").GetString()!)).Role, Is.EqualTo("moderator"));
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task The_token_never_appears_in_the_logs_even_at_trace_level()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims));
        using var http = await backend.ClientAsync("ada");

        using var response = await http.GetAsync("chat/token").Guard();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var token = json.RootElement.GetProperty("token").GetString()!;

        Assert.That(backend.Logs.AllText, Does.Contain("Issued a chat token for user ada"), "the endpoint logs, without the token");
        Assert.That(backend.Logs.AllText, Does.Not.Contain(token).And.Not.Contain(token.Split('.')[2]).And.Not.Contain(TestBackend.Secret));
    }

    [Test]
    public void Mapping_without_AddChatTokenIssuer_says_what_to_call()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRouting();
        using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapChatTokenEndpoint("/chat/token", MemberClaims))!;

        Assert.That(error.Message, Does.Contain("AddChatTokenIssuer()"));
    }

    /// <summary>Stands for a user store the claims come from.</summary>
    private sealed class RoleDirectory
    {
        public async Task<string?> FindRoleAsync(string user, System.Threading.CancellationToken cancellationToken)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            return user.StartsWith("mod-", StringComparison.Ordinal) ? "moderator" : null;
        }
    }
}
