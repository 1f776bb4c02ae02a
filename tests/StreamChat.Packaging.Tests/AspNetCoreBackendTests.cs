using System.Linq;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// "Your backend" as a user builds it from the packages: a fresh <c>Microsoft.NET.Sdk.Web</c> NUnit project references the
/// packed StreamChat.Server.AspNetCore, StreamChat.Client (the generator writes the claims record's codec) and
/// StreamChat.DevServer, and <c>dotnet test</c> runs its app on Kestrel (127.0.0.1, a free port) with a cookie login and
/// <c>MapChatTokenEndpoint</c>, over real HTTP, then connects a client to the dev server with the endpoint's token.
/// </summary>
public sealed class AspNetCoreBackendTests
{
    // The user's app: cookie login as in samples/Backend, the issuer from in-memory settings, the endpoint.
    private const string Backend = """
        using System.Collections.Generic;
        using System.Security.Claims;
        using Microsoft.AspNetCore.Authentication.Cookies;
        using Microsoft.AspNetCore.Builder;
        using Microsoft.AspNetCore.Hosting;
        using Microsoft.AspNetCore.Http;
        using Microsoft.Extensions.Configuration;
        using Microsoft.Extensions.DependencyInjection;
        using StreamChat.Claims;

        [TokenClaims]
        public partial record ChatClaims(string UserId, ChatRole Role);

        public enum ChatRole { Member, Moderator }

        public static class ChatBackend
        {
            public static WebApplication Build(string apiKey, string apiSecret)
            {
                var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ApplicationName = typeof(ChatBackend).Assembly.GetName().Name });
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Chat:ApiKey"] = apiKey, ["Chat:ApiSecret"] = apiSecret });
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
                builder.Services.AddAuthorization();
                builder.Services.AddChatTokenIssuer();

                var app = builder.Build();
                app.UseAuthentication();
                app.UseAuthorization();
                app.MapPost("/login", (string user) => Results.SignIn(new ClaimsPrincipal(
                    new ClaimsIdentity(new[] { new Claim(ClaimTypes.Name, user) }, CookieAuthenticationDefaults.AuthenticationScheme))));
                app.MapChatTokenEndpoint("/chat/token", user => new ChatClaims(user.Identity!.Name!, ChatRole.Moderator));
                return app;
            }
        }
        """;

    private const string Tests = """
        using System;
        using System.Linq;
        using System.Net;
        using System.Net.Http;
        using System.Text.Json;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Options;
        using NUnit.Framework;
        using StreamChat;
        using StreamChat.DevServer;

        public sealed class ChatBackendTests
        {
            private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

            [Test]
            public async Task The_logged_in_user_gets_a_token_of_the_claims_record_and_connects_with_it()
            {
                using var timeout = new CancellationTokenSource(HangGuard);
                await using var server = await DevServer.StartAsync(cancellationToken: timeout.Token);
                await using var app = ChatBackend.Build(server.ApiKey, server.ApiSecret);
                await app.StartAsync(timeout.Token);
                using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
                {
                    BaseAddress = new Uri(app.Urls.Single() + "/"),
                    Timeout = HangGuard,
                };

                using var anonymous = await http.GetAsync("chat/token", timeout.Token);
                using var login = await http.PostAsync("login?user=john", null, timeout.Token);
                using var answer = await http.GetAsync("chat/token", timeout.Token);
                using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(timeout.Token));
                var token = Token.Parse(body.RootElement.GetProperty("token").GetString()!);

                Assert.That(anonymous.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
                Assert.That(login.IsSuccessStatusCode, Is.True, login.StatusCode.ToString());
                Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(answer.Headers.CacheControl?.NoStore, Is.True);
                Assert.That(token.UserId, Is.EqualTo("john"));
                Assert.That(ChatClaims.FromToken(token).Role, Is.EqualTo(ChatRole.Moderator));
                Assert.That(body.RootElement.GetProperty("expires_at").GetDateTimeOffset(), Is.EqualTo(token.ExpiresAt));

                var provider = ChatClaimsTokenProvider.FromEndpoint(http, new Uri("chat/token", UriKind.Relative));
                await using var client = new ChatClient(new ChatClientConfig(server.ApiKey) { BaseUrl = server.BaseUrl }, provider);
                var me = await client.ConnectAsync(timeout.Token);

                Assert.That(me.Id, Is.EqualTo("john"));
            }

            [Test]
            public async Task A_short_secret_stops_the_app_at_start_naming_the_setting_not_its_value()
            {
                const string shortSecret = "only-twenty-six-bytes-long";
                await using var app = ChatBackend.Build("consumer-key", shortSecret);

                var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().WaitAsync(HangGuard));

                Assert.That(error!.Message, Does.Contain("Chat:ApiSecret").And.Not.Contain(shortSecret));
            }
        }
        """;

    [Test]
    public async Task A_fresh_web_project_serves_the_packed_token_endpoint_and_a_client_connects_with_its_token_without_warnings()
    {
        var package = PackagingFixture.Packages;
        var consumer = ConsumerProject.Create(
            package,
            new[] { ("ChatBackend.cs", Backend), ("ChatBackendTests.cs", Tests) },
            "<IsTestProject>true</IsTestProject>",
            new[] { "StreamChat.Server.AspNetCore", "StreamChat.Client", "StreamChat.DevServer" }.Select(id => (id, package.Version))
                .Concat(ConsumerProject.TestFrameworkPackages()),
            sdk: "Microsoft.NET.Sdk.Web");

        var test = await consumer.TestAsync();

        Assert.That(test.ExitCode, Is.Zero, test.ToString);
        Assert.That(test.Output, Does.Contain("Passed The_logged_in_user_gets_a_token_of_the_claims_record_and_connects_with_it"), test.ToString);
        Assert.That(test.Output, Does.Contain("Passed A_short_secret_stops_the_app_at_start_naming_the_setting_not_its_value"), test.ToString);
        Assert.That(BuildWarnings.Any(test), Is.False, test.ToString);
    }
}
