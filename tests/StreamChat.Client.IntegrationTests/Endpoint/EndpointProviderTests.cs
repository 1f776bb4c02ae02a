using System;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Endpoint;

/// <summary>A <see cref="ChatClient"/> whose provider is <see cref="TokenProvider.FromEndpoint(HttpClient, Uri)"/>: endpoint failures reach the caller as <see cref="TokenProviderException"/>s.</summary>
[Category("Endpoint")]
public sealed class EndpointProviderTests
{
    [Test]
    public async Task A_backend_that_answers_401_is_asked_once_and_the_connect_fails_with_the_cause()
    {
        await using var server = await Loopback.StartServerAsync();
        await using var backend = CannedHttpServer.Answering("text/plain", "no", 401);
        using var http = new HttpClient();
        await using var client = new ChatClient(Loopback.Config(server), TokenProvider.FromEndpoint(http, new Uri(backend.BaseUrl, "chat/token")));

        var error = (await Assert.ThrowsAsync<TokenProviderException>(() => client.ConnectAsync().Guard()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.ProviderKind, Is.EqualTo(TokenProviderKind.Closure));
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain("gave up after 1 attempt(s)"));
            Assert.That(error.InnerException, Is.InstanceOf<TokenEndpointException>().With.Property(nameof(TokenEndpointException.Failure)).EqualTo(TokenEndpointFailure.NotAuthenticated));
            Assert.That(backend.Requests, Is.EqualTo(1), "a user who is not logged in stays so: no retries");
            Assert.That(server.Stats.WebSocketConnects, Is.Zero);
        });
    }

    [Test]
    public async Task A_backend_that_answers_503_is_retried_up_to_the_attempt_limit()
    {
        await using var server = await Loopback.StartServerAsync();
        await using var backend = CannedHttpServer.Answering("text/html", "<h1>busy</h1>", 503);
        using var http = new HttpClient();
        var config = Loopback.Config(server);
        await using var client = new ChatClient(config, TokenProvider.FromEndpoint(http, new Uri(backend.BaseUrl, "chat/token")));

        var error = (await Assert.ThrowsAsync<TokenProviderException>(() => client.ConnectAsync().Guard()))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Attempts, Is.EqualTo(config.MaxTokenProviderAttempts));
            Assert.That(error.InnerException, Is.InstanceOf<TokenEndpointException>().With.Property(nameof(TokenEndpointException.Failure)).EqualTo(TokenEndpointFailure.ServerError));
            Assert.That(backend.Requests, Is.EqualTo(config.MaxTokenProviderAttempts));
        });
    }
}
