using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Security.Claims;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using StreamChat.Server.AspNetCore.Tests.Support;
using StreamChat.Tests.Shared;

namespace StreamChat.Server.AspNetCore.Tests;

/// <summary>The token endpoint's span and metrics as a listener sees them: tokens issued, 401 and 403 refusals, duration; never the token or the secret.</summary>
[Category("Telemetry")]
public sealed class ChatTokenEndpointTelemetryTests
{
    private static readonly Func<ClaimsPrincipal, Claims.ITokenClaims?> MemberClaims =
        user => user.Identity?.Name is { } name && !name.StartsWith("banned-", StringComparison.Ordinal) ? new TestClaims(name, "member") : null;

    [Test]
    public async Task Issued_tokens_and_401_and_403_refusals_are_counted_and_no_value_holds_the_token_or_the_secret()
    {
        await using var backend = await TestBackend.StartAsync(app => app.MapChatTokenEndpoint("/chat/token", MemberClaims));
        using var member = await backend.ClientAsync("ada");
        using var banned = await backend.ClientAsync("banned-bob");
        using var anonymous = await backend.ClientAsync(user: null);
        using var telemetry = new TelemetryRecorder();

        using var issued = await member.GetAsync("chat/token").Guard();
        using var forbidden = await banned.GetAsync("chat/token").Guard();
        using var unauthorized = await anonymous.GetAsync("chat/token").Guard();
        var token = JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString()!;

        var values = telemetry.AllRecordedValues().ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(new[] { issued.StatusCode, forbidden.StatusCode, unauthorized.StatusCode }, Is.EqualTo(new[] { HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized }));
            Assert.That(telemetry.Sum("streamchat.token_endpoint.issued"), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.token_endpoint.refusals", ("http.response.status_code", 403)), Is.EqualTo(1), "the claims callback returned null");
            Assert.That(telemetry.Sum("streamchat.token_endpoint.refusals", ("http.response.status_code", 401)), Is.EqualTo(1), "the authorization middleware answered");
            Assert.That(telemetry.Count("streamchat.token_endpoint.duration", ("http.response.status_code", 200)), Is.EqualTo(1));
            Assert.That(telemetry.Count("streamchat.token_endpoint.duration", ("http.response.status_code", 403)), Is.EqualTo(1));
            var spans = telemetry.SpansNamed("streamchat.token_endpoint.issue").ToArray();
            Assert.That(spans.Select(span => span.GetTagItem("http.response.status_code")), Is.EquivalentTo(new object[] { 200, 403 }));
            Assert.That(spans.Select(span => span.Source.Version), Is.All.Not.Null.And.All.Not.Empty, "the source is versioned");
            Assert.That(spans.Select(span => span.Parent?.Source.Name), Is.All.EqualTo("Microsoft.AspNetCore"), "a child of ASP.NET Core's request span");
            Assert.That(values.Where(value => value.Value.Contains(token, StringComparison.Ordinal)).Select(value => value.Where), Is.Empty, "the token");
            Assert.That(values.Where(value => value.Value.Contains(token[(token.LastIndexOf('.') + 1)..], StringComparison.Ordinal)).Select(value => value.Where), Is.Empty, "the token's signature");
            Assert.That(values.Where(value => value.Value.Contains(TestBackend.Secret, StringComparison.Ordinal)).Select(value => value.Where), Is.Empty, "the secret");
        });
    }

    [Test]
    public async Task Refusals_are_counted_even_with_an_authorization_result_handler_registered_after_AddChatTokenIssuer()
    {
        await using var backend = await TestBackend.StartAsync(
            app => app.MapChatTokenEndpoint("/chat/token", MemberClaims).RequireAuthorization("admins"),
            services => services.AddSingleton<IAuthorizationMiddlewareResultHandler, AppsOwnResultHandler>());
        using var member = await backend.ClientAsync("ada");
        using var anonymous = await backend.ClientAsync(user: null);
        using var telemetry = new TelemetryRecorder();

        using var forbidden = await member.GetAsync("chat/token").Guard();
        using var unauthorized = await anonymous.GetAsync("chat/token").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(new[] { forbidden.StatusCode, unauthorized.StatusCode }, Is.EqualTo(new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized }));
            Assert.That(AppsOwnResultHandler.Calls, Is.GreaterThanOrEqualTo(2), "the app's handler answered");
            Assert.That(telemetry.Sum("streamchat.token_endpoint.refusals", ("http.response.status_code", 401)), Is.EqualTo(1));
            Assert.That(telemetry.Sum("streamchat.token_endpoint.refusals", ("http.response.status_code", 403)), Is.EqualTo(1), "the policy's 403, not the endpoint's");
            Assert.That(telemetry.Count("streamchat.token_endpoint.duration"), Is.Zero, "the endpoint never ran");
        });
    }

    /// <summary>An app's own result handler (for example to shape its 401s), registered after <c>AddChatTokenIssuer</c>.</summary>
    private sealed class AppsOwnResultHandler : IAuthorizationMiddlewareResultHandler
    {
        private static int _calls;
        private readonly AuthorizationMiddlewareResultHandler _default = new();

        public static int Calls => Volatile.Read(ref _calls);

        public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
        {
            Interlocked.Increment(ref _calls);
            return _default.HandleAsync(next, context, policy, authorizeResult);
        }
    }
}
