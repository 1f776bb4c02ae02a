using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Backend;

/// <summary>
/// "Your backend": a user logs in with a cookie, then <c>GET /chat/token</c> gives them a short-lived chat token of
/// <see cref="ChatClaims"/>. Run it alone (<c>dotnet run --project samples/Backend</c>) or in-process with
/// <see cref="StartAsync"/>, as the quickstart and the end-to-end tests do.
/// </summary>
public sealed class BackendApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BackendApp(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the backend listens, for example <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The app's services, for example <see cref="ChatServerAdmin"/>.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Builds the app from the command line, <c>appsettings.json</c> and the environment, then <paramref name="configure"/>.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ApplicationName = typeof(BackendApp).Assembly.GetName().Name });
        configure?.Invoke(builder);

        // Real login: cookie authentication. The token endpoint answers 401 to a request without the cookie.
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        builder.Services.AddSingleton<DemoUsers>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<ChatServerAdmin>();

        // The chat token issuer: Chat:ApiSecret (and Chat:TokenLifetime) from configuration, checked when the app starts.
        builder.Services.AddChatTokenIssuer();

        // Spans and metrics on the console when Telemetry:Console is true (docs/telemetry.md).
        BackendTelemetry.AddIfSwitchedOn(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.MapClientApp();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAccountEndpoints();
        app.MapChatTokenEndpoint("/chat/token", user => app.Services.GetRequiredService<DemoUsers>().ChatClaimsOf(user.Identity?.Name));
        return app;
    }

    /// <summary>Starts the backend in-process on 127.0.0.1 (a free port) for the chat app of the given settings.</summary>
    /// <param name="chatBaseUrl">The chat server, for revoking tokens at logout.</param>
    /// <param name="apiKey">The chat app's API key.</param>
    /// <param name="apiSecret">The chat app's API secret.</param>
    /// <param name="tokenLifetime">How long each chat token is valid.</param>
    /// <param name="timeProvider">The backend's clock (token times, revocation cutoffs); the system clock when null.</param>
    /// <param name="logging">Where logs go; none when null.</param>
    /// <param name="clientAppRoot">A published browser app's <c>wwwroot</c> to serve on the backend's origin (<c>BlazorChat:Root</c>); none when null.</param>
    /// <param name="configure">More services (a test's counters); nothing when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running backend; dispose it to stop.</returns>
    public static async Task<BackendApp> StartAsync(
        Uri chatBaseUrl,
        string apiKey,
        string apiSecret,
        TimeSpan tokenLifetime,
        TimeProvider? timeProvider = null,
        ILoggerProvider? logging = null,
        string? clientAppRoot = null,
        Action<IServiceCollection>? configure = null,
        CancellationToken cancellationToken = default)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Chat:BaseUrl"] = chatBaseUrl.ToString(),
            ["Chat:ApiKey"] = apiKey,
            ["Chat:ApiSecret"] = apiSecret,
            ["Chat:TokenLifetime"] = tokenLifetime.ToString("c"),
            ["BlazorChat:Root"] = clientAppRoot,
        };
        var app = Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            builder.Logging.ClearProviders();
            if (logging is not null)
            {
                builder.Logging.AddProvider(logging).SetMinimumLevel(LogLevel.Trace);
            }

            // In-process runs keep their cookie keys in memory; a deployed app persists them (see Data Protection).
            builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
            if (timeProvider is not null)
            {
                builder.Services.AddSingleton(timeProvider);
            }

            configure?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new BackendApp(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"));
    }

    /// <summary>Stops the backend.</summary>
    /// <returns>A task that completes when it has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
