using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Backend;
using Microsoft.Extensions.Time.Testing;
using StreamChat.DevServer;

namespace StreamChat.Backend.Tests;

/// <summary>
/// One dev server and one sample backend on 127.0.0.1 sharing a fake clock (so expiry and revocation need no waiting),
/// and a browser-like <see cref="HttpClient"/> that keeps the login cookie and counts the token endpoint's calls.
/// </summary>
internal sealed class EndToEnd : IAsyncDisposable
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    private readonly CountingHandler _calls;

    private EndToEnd(DevServer.DevServer server, BackendApp backend, FakeTimeProvider clock)
    {
        Server = server;
        Backend = backend;
        Clock = clock;
        _calls = new CountingHandler(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false });
        Http = new HttpClient(_calls) { BaseAddress = backend.BaseUrl };
    }

    public DevServer.DevServer Server { get; }

    public BackendApp Backend { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>The browser side: carries the backend's cookie, used for the backend only.</summary>
    public HttpClient Http { get; }

    /// <summary>How many times the client called <c>GET /chat/token</c>.</summary>
    public int EndpointCalls => _calls.Count;

    public Uri TokenEndpoint => new(Backend.BaseUrl, "chat/token");

    public static async Task<EndToEnd> StartAsync()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var server = await DevServer.DevServer.StartAsync(new DevServerOptions { TimeProvider = clock }).WaitAsync(HangGuard);
        var backend = await BackendApp.StartAsync(server.BaseUrl, server.ApiKey, server.ApiSecret, TokenLifetime, clock).WaitAsync(HangGuard);
        return new EndToEnd(server, backend, clock);
    }

    public ChatClientConfig Config() => new(Server.ApiKey)
    {
        BaseUrl = Server.BaseUrl,
        TokenProviderRetryBaseDelay = TimeSpan.FromMilliseconds(10),
        TokenProviderRetryMaxDelay = TimeSpan.FromMilliseconds(50),
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
    };

    public async Task LogInAsync(string user, string password)
    {
        using var response = await Http.PostAsJsonAsync("/login", new { user, password }).WaitAsync(HangGuard);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), $"login of {user}");
    }

    /// <summary>Logs <paramref name="user"/> in, then connects a client whose provider is <paramref name="provider"/> over the endpoint and opens <paramref name="channel"/>.</summary>
    public async Task<ChatClient> ConnectAsync(string user, string password, Func<HttpClient, Uri, TokenProvider> provider, string channel)
    {
        await LogInAsync(user, password);
        var client = new ChatClient(Config(), provider(Http, TokenEndpoint));
        await Guard(client.ConnectAsync());
        await Guard(client.QueryChannelAsync("messaging", channel));
        return client;
    }

    public async Task LogOutAsync()
    {
        using var response = await Http.PostAsync("/logout", null).WaitAsync(HangGuard);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    public static Task<T> Guard<T>(Task<T> task) => task.WaitAsync(HangGuard);

    public static Task Guard(Task task) => task.WaitAsync(HangGuard);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Backend.DisposeAsync();
        await Server.DisposeAsync();
    }

    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri?.AbsolutePath == "/chat/token")
            {
                Interlocked.Increment(ref _count);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
