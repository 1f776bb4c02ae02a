using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StreamChat.DevServer.Auth;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Logging;
using StreamChat.DevServer.State;
using StreamChat.Server;

namespace StreamChat.DevServer;

/// <summary>
/// A local, Stream-compatible chat backend on 127.0.0.1 for development and tests: api key and token auth (jwt,
/// anonymous, guest, development tokens), revocation, channels, messages and the WebSocket.
/// </summary>
/// <example>
/// <code>
/// await using var server = await DevServer.StartAsync();
/// var config = new ChatClientConfig(server.ApiKey) { BaseUrl = server.BaseUrl };
/// </code>
/// </example>
public sealed partial class DevServer : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly UserTokenIssuer _issuer;
    private readonly ConnectionRegistry _connections;
    private readonly Diagnostics.DevServerMetrics _telemetry;
    private int _disposed;

    private DevServer(WebApplication app, Uri baseUrl, UserTokenIssuer issuer, ConnectionRegistry connections, DevServerFaults faults, DevServerStats stats)
    {
        _app = app;
        _issuer = issuer;
        _connections = connections;
        BaseUrl = baseUrl;
        Faults = faults;
        Stats = stats;
        State = app.Services.GetRequiredService<DevServerState>();
        ApiKey = State.ApiKey;
        ApiSecret = State.ApiSecret;
        _telemetry = new Diagnostics.DevServerMetrics(State, baseUrl);
    }

    /// <summary>The REST base URL, for example <c>http://127.0.0.1:54321/</c>; the WebSocket base is the same with <c>ws://</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>
    /// The dashboard's link for this start, <c>http://127.0.0.1:&lt;port&gt;/dashboard?key=…</c>: its random key (new at every
    /// start) signs a browser in. Print it for the person running the server; treat it like the secret.
    /// </summary>
    public Uri DashboardUrl => new(BaseUrl, $"dashboard?key={State.Dashboard.Key}");

    /// <summary>The app's API key.</summary>
    public string ApiKey { get; }

    /// <summary>The app's API secret, for signing user and server tokens in tests. Never log it.</summary>
    public string ApiSecret { get; }

    /// <summary>Faults to inject (in-process only; all off by default).</summary>
    public DevServerFaults Faults { get; }

    /// <summary>Counters of requests, connections and rejections.</summary>
    public DevServerStats Stats { get; }

    /// <summary>What the endpoints share; for tests that drive one middleware directly.</summary>
    internal DevServerState State { get; }

    /// <summary>Starts a server on 127.0.0.1 (a free port unless <see cref="DevServerOptions.Port"/> is set).</summary>
    /// <param name="options">Settings; defaults when null (generated key and secret, auth checks on).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop.</returns>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes, or an option is out of range (the message names it).</exception>
    public static async Task<DevServer> StartAsync(DevServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DevServerOptions();
        var limits = ServerLimits.From(options);
        var origins = OriginPolicy.From(options.CorsOrigins);
        var apiKey = string.IsNullOrEmpty(options.ApiKey) ? RandomText.Create(12) : options.ApiKey;
        var apiSecret = string.IsNullOrEmpty(options.ApiSecret) ? RandomText.Create(32) : options.ApiSecret;
        var clock = options.TimeProvider ?? TimeProvider.System;
        var validator = new TokenValidator(apiSecret, new TokenValidatorOptions { TimeProvider = clock });
        var issuer = new UserTokenIssuer(apiSecret, clock);
        var connections = new ConnectionRegistry(limits);
        var faults = new DevServerFaults(connections);
        var stats = new DevServerStats(connections);
        var loggerFactory = new FrameworkLogFilter(options.LoggerFactory ?? NullLoggerFactory.Instance);
        var users = new UserStore(clock, limits);
        var authenticator = new Authenticator(apiKey, validator, options.DisableAuthChecks, users);
        var state = new DevServerState(options, limits, origins, apiKey, apiSecret, authenticator, issuer, faults, stats, connections, users, loggerFactory);
        var app = DevServerApp.Build(state, loggerFactory);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new DevServer(app, new Uri($"http://127.0.0.1:{new Uri(address).Port}/"), issuer, connections, faults, stats);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            issuer.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server: drops open WebSockets, then shuts Kestrel down.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _connections.AbortAll();
        using (var timeout = new CancellationTokenSource(ShutdownTimeout))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        _issuer.Dispose();
        _telemetry.Dispose();
    }

    /// <inheritdoc/>
    public override string ToString() => $"DevServer({BaseUrl})";
}
