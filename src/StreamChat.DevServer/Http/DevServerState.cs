using System;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Auth;
using StreamChat.DevServer.Dashboard;
using StreamChat.DevServer.State;
using StreamChat.Server;

namespace StreamChat.DevServer.Http;

/// <summary>Everything the endpoints share, registered as one singleton.</summary>
internal sealed class DevServerState(
    DevServerOptions options,
    ServerLimits limits,
    OriginPolicy origins,
    string apiKey,
    string apiSecret,
    Authenticator authenticator,
    UserTokenIssuer issuer,
    DevServerFaults faults,
    DevServerStats stats,
    ConnectionRegistry connections,
    UserStore users,
    ILoggerFactory loggerFactory)
{
    public DevServerOptions Options { get; } = options;

    public ServerLimits Limits { get; } = limits;

    public OriginPolicy Origins { get; } = origins;

    public string ApiKey { get; } = apiKey;

    public string ApiSecret { get; } = apiSecret;

    public TimeProvider Clock => Options.TimeProvider;

    public Authenticator Authenticator { get; } = authenticator;

    public UserTokenIssuer Issuer { get; } = issuer;

    public DevServerFaults Faults { get; } = faults;

    public DevServerStats Stats { get; } = stats;

    public ConnectionRegistry Connections { get; } = connections;

    public UserStore Users { get; } = users;

    public ChannelStore Channels { get; } = new(limits);

    /// <summary>The dashboard's per-start key and signed-in browsers.</summary>
    public DashboardAccess Dashboard { get; } = new();

    public ILogger Logger { get; } = loggerFactory.CreateLogger("StreamChat.DevServer");
}
