using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>
/// One scenario's world: a dev server, the fault proxy in front of it, a clock that counts timers and captured logs.
/// Clients built here talk to the server only through the proxy.
/// </summary>
internal sealed class FaultHarness : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private FaultHarness(LocalServer server, TimeProvider clock)
    {
        Server = server;
        Proxy = FaultProxy.Start(server.BaseUrl);
        Clock = new CountingClock(clock);
        Issuer = Loopback.Issuer(server);
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
    }

    public LocalServer Server { get; }

    public FaultProxy Proxy { get; }

    public CountingClock Clock { get; }

    public UserTokenIssuer Issuer { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    /// <param name="clock">The client's clock under the counting wrapper; the system clock by default.</param>
    public static async Task<FaultHarness> StartAsync(TimeProvider? clock = null) =>
        new(await Loopback.StartServerAsync(), clock ?? TimeProvider.System);

    /// <summary>Settings that reach the server through the proxy, on the counting clock, with short reconnect delays.</summary>
    public ChatClientConfig Config()
    {
        var config = Loopback.Config(Server, Clock, _loggerFactory);
        config.BaseUrl = Proxy.BaseUrl;
        config.RequestTimeout = TimeSpan.FromSeconds(10);
        return config;
    }

    /// <summary>A closure provider issuing distinct tokens for <paramref name="userId"/>.</summary>
    public ScriptedProvider Provider(string userId) => new(call => Tokens.Issue(Issuer, userId, call));

    public ChatClient Client(ScriptedProvider provider, Action<ChatClientConfig>? configure = null)
    {
        var config = Config();
        configure?.Invoke(config);
        return new ChatClient(config, provider.Provider);
    }

    /// <summary>A connected client for <paramref name="userId"/>, and a recorder of its states from then on.</summary>
    public async Task<(ChatClient Client, StateRecorder States)> ConnectAsync(string userId, Action<ChatClientConfig>? configure = null)
    {
        var client = Client(Provider(userId), configure);
        await client.ConnectAsync().Guard();
        return (client, new StateRecorder(client));
    }

    /// <summary>A connected client watching <c>messaging:{channelId}</c>, and a recorder of its states from then on.</summary>
    public async Task<(ChatClient Client, StateRecorder States)> ConnectWatchingAsync(string userId, string channelId)
    {
        var (client, states) = await ConnectAsync(userId);
        await client.QueryChannelAsync("messaging", channelId, watch: true).Guard();
        return (client, states);
    }

    /// <summary>
    /// Refuses new connections and drops the WebSocket: the client reconnects in vain until <see cref="FaultProxy.AcceptAgain"/>.
    /// Returns after <paramref name="attempts"/> attempts have started.
    /// </summary>
    public async Task DropWhileRefusingAsync(StateRecorder states, int attempts = 1)
    {
        Proxy.Refuse();
        Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForAsync(ConnectionState.Reconnecting);
        await Eventually.HoldsAsync(() => Logs.AllText.Contains($"Reconnect attempt {attempts} ", StringComparison.Ordinal));
    }

    /// <summary>Drops the WebSocket and holds the reconnect's handshake at the proxy until the held connection is dropped.</summary>
    public async Task DropAndHoldTheReconnectAsync(StateRecorder states)
    {
        Proxy.Next(ConnectionKind.WebSocket, new NextConnection.Stall());
        Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await states.WaitForAsync(ConnectionState.Reconnecting);
        await Eventually.HoldsAsync(() => Proxy.Held == 1);
    }

    /// <summary>The client is connected and working: a watched channel delivers a message it sends.</summary>
    public static async Task AssertDeliversAsync(ChatClient client, string channelId)
    {
        var text = "probe " + Guid.NewGuid().ToString("N");
        var received = Channel.CreateUnbounded<string>();
        EventHandler<MessageReceivedEventArgs> handler = (_, e) =>
        {
            if (e.Cid == "messaging:" + channelId)
            {
                received.Writer.TryWrite(e.Message.Text);
            }
        };
        client.MessageReceived += handler;
        try
        {
            await client.SendMessageAsync("messaging", channelId, text).Guard();
            while (await received.Reader.ReadAsync().AsTask().Guard() != text)
            {
            }
        }
        finally
        {
            client.MessageReceived -= handler;
        }

        Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
    }

    /// <summary>
    /// Ends a scenario: disposing must not throw, and afterwards the client is disconnected with no timer, socket or
    /// server connection left.
    /// </summary>
    public async Task AssertReleasedAsync(ChatClient client)
    {
        await client.DisposeAsync().AsTask().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
            Assert.That(client.ConnectionId, Is.Null);
            Assert.That(Clock.LiveTimers, Is.Zero, "timers alive after dispose");
        });
        await ExpectNoneAsync(() => Proxy.LiveConnections, () => "proxied connections: " + Proxy.LiveDescription);
        await ExpectNoneAsync(() => Server.Stats.OpenWebSockets, () => "server WebSockets");
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await Server.DisposeAsync();
        Issuer.Dispose();
        _loggerFactory.Dispose();
    }

    // Sockets close on the peer's schedule: wait for it, within the hang guard.
    private static async Task ExpectNoneAsync(Func<int> count, Func<string> what)
    {
        try
        {
            await Eventually.HoldsAsync(() => count() == 0);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{count()} still open after the client was disposed: {what()}.");
        }
    }
}
