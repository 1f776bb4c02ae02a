using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>Starts dev servers on 127.0.0.1 and builds client settings that point at them.</summary>
internal static class Loopback
{
    /// <summary>Guards against hangs only: a test that needs it has already failed (nothing is timed).</summary>
    public static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    public static Task<LocalServer> StartServerAsync(bool disableAuthChecks = false, TimeProvider? serverClock = null, ILoggerFactory? loggerFactory = null) =>
        LocalServer.StartAsync(new DevServerOptions
        {
            DisableAuthChecks = disableAuthChecks,
            TimeProvider = serverClock ?? TimeProvider.System,
            LoggerFactory = loggerFactory,
        });

    public static ChatClientConfig Config(LocalServer server, TimeProvider? clientClock = null, ILoggerFactory? loggerFactory = null)
    {
        var config = new ChatClientConfig(server.ApiKey)
        {
            BaseUrl = server.BaseUrl,
            TimeProvider = clientClock ?? TimeProvider.System,
            ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
            ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
            TokenProviderRetryBaseDelay = TimeSpan.FromMilliseconds(10),
            TokenProviderRetryMaxDelay = TimeSpan.FromMilliseconds(50),
        };
        if (loggerFactory is not null)
        {
            config.LoggerFactory = loggerFactory;
        }

        return config;
    }

    /// <summary>An issuer for the server's app, on the server's clock (so tokens are fresh by that clock).</summary>
    public static UserTokenIssuer Issuer(LocalServer server, TimeProvider? serverClock = null) => new(server.ApiSecret, serverClock ?? TimeProvider.System);

    public static async Task<T> Guard<T>(this Task<T> task) => await task.WaitAsync(HangGuard);

    public static async Task Guard(this Task task) => await task.WaitAsync(HangGuard);

    public static HttpMessageHandler NewHandler() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
}
