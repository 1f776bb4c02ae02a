using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Server.AspNetCore.Tests.Support;

/// <summary>
/// A real ASP.NET Core app on 127.0.0.1 (Kestrel, a free port) with cookie authentication and a <c>POST /login?user=…</c>
/// that signs the user in (role <c>admin</c> for users named <c>admin-…</c>); each test maps its token endpoint.
/// </summary>
internal sealed class TestBackend : IAsyncDisposable
{
    public const string Secret = "an-aspnetcore-test-secret-of-at-least-32-bytes";

    private readonly WebApplication _app;

    private TestBackend(WebApplication app, Uri baseUrl, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseUrl = baseUrl;
        Logs = logs;
    }

    public Uri BaseUrl { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Every log entry of the app at every level, Trace included.</summary>
    public CapturingLoggerProvider Logs { get; }

    public static Dictionary<string, string?> Settings(string section = "Chat") => new()
    {
        [section + ":ApiKey"] = "test-key",
        [section + ":ApiSecret"] = Secret,
        [section + ":TokenLifetime"] = "00:10:00",
    };

    /// <summary>Builds the app; <paramref name="map"/> maps the endpoints under test, <paramref name="services"/> adds services.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, Action<WebApplication> map, Action<IServiceCollection>? services = null, CapturingLoggerProvider? logs = null)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(TestBackend).Assembly.GetName().Name });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs ?? new CapturingLoggerProvider());
        builder.Services.AddRouting();
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorizationBuilder().AddPolicy("admins", policy => policy.RequireRole("admin"));
        builder.Services.AddChatTokenIssuer();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPost("/login", async (HttpContext context, string user) =>
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, user) };
            if (user.StartsWith("admin-", StringComparison.Ordinal))
            {
                claims.Add(new Claim(ClaimTypes.Role, "admin"));
            }

            await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        });
        map(app);
        return app;
    }

    public static async Task<TestBackend> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var logs = new CapturingLoggerProvider();
        var app = Build(settings ?? Settings(), map, services, logs);
        await app.StartAsync().Guard();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestBackend(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"), logs);
    }

    /// <summary>A client that follows no redirect and keeps its cookies; logged in as <paramref name="user"/> unless null.</summary>
    public async Task<HttpClient> ClientAsync(string? user)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = BaseUrl };
        if (user is not null)
        {
            using var login = await http.PostAsync("login?user=" + Uri.EscapeDataString(user), null).Guard();
            login.EnsureSuccessStatusCode();
        }

        return http;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
