using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests;

/// <summary><c>AddChatClient</c>: a singleton client wired to IHttpClientFactory, ILoggerFactory and TimeProvider.</summary>
[Category("DependencyInjection")]
public sealed class DependencyInjectionTests
{
    [Test]
    public async Task AddChatClient_resolves_one_client_whose_requests_go_through_the_http_client_factory()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var token = Token.Parse(issuer.CreateUserToken("di-user"));
        var counter = new RequestCounter();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        services.AddChatClient(server.ApiKey, _ => TokenProvider.Static(token), (_, config) => config.BaseUrl = server.BaseUrl)
            .AddHttpMessageHandler(() => new CountingHandler(counter));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ChatClient>();
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "di").Guard();
        await client.SendMessageAsync("messaging", "di", "via the container").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<ChatClient>(), Is.SameAs(client));
            Assert.That(counter.Count, Is.EqualTo(2), "both REST calls went through the factory's handler pipeline");
            Assert.That(logs.AllText, Does.Contain("StreamChat.ChatClient"), "the container's logger factory is used");
        });
    }

    [Test]
    public async Task AddChatClient_with_a_token_endpoint_calls_it_through_its_own_named_client_only()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var backend = CannedHttpServer.Answering("application/json", $$"""{"token":"{{issuer.CreateUserToken("di-user", TimeSpan.FromHours(1))}}"}""");
        var endpointCalls = new RequestCounter();
        var services = new ServiceCollection();
        services.AddChatClient(server.ApiKey, new Uri("chat/token", UriKind.Relative), configure: (_, config) => config.BaseUrl = server.BaseUrl)
            .ConfigureHttpClient(http => http.BaseAddress = backend.BaseUrl)
            .AddHttpMessageHandler(() => new LoginHandler(endpointCalls));
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ChatClient>();
        var me = await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "di-endpoint").Guard();
        await client.SendMessageAsync("messaging", "di-endpoint", "via the token endpoint").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(me.Id, Is.EqualTo("di-user"));
            Assert.That(backend.LastRequestHead, Does.StartWith("GET /chat/token ").And.Contain("X-Backend-Login: di-session"));
            Assert.That(endpointCalls.Count, Is.EqualTo(1), "the backend's handler serves the token endpoint, never the chat server's REST calls");
            Assert.That(server.Stats.RestRequests, Is.EqualTo(2));
        });
    }

    private sealed class LoginHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add();
            request.Headers.Add("X-Backend-Login", "di-session");
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class RequestCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
