using System;
using System.Net.Http;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests;

/// <summary>What the client says when the thing at BaseUrl is not a working chat API.</summary>
public sealed class TransportFailureTests
{
    [Test]
    public async Task A_200_answer_that_is_not_json_is_a_connection_error_that_names_the_base_url_setting()
    {
        await using var proxy = CannedHttpServer.Answering("text/html", "<html><body>Sign in to the Wi-Fi</body></html>");
        var config = new ChatClientConfig("key") { BaseUrl = proxy.BaseUrl, MaxTokenProviderAttempts = 1 };
        await using var client = new ChatClient(config, TokenProvider.Guest("visitor"));

        var exception = (await Assert.ThrowsAsync<TokenProviderException>(async () => await client.ConnectAsync().Guard()))!;

        Assert.Multiple(() =>
        {
            Assert.That(proxy.Requests, Is.EqualTo(1));
            Assert.That(exception.InnerException, Is.InstanceOf<ChatConnectionException>());
            Assert.That(exception.InnerException!.Message, Does.Contain("not JSON").And.Contain("BaseUrl"));
            Assert.That(exception.ToString(), Does.Not.Contain("Sign in to the Wi-Fi"));
        });
    }

    [Test]
    public async Task Request_timeout_applies_to_a_caller_supplied_http_client()
    {
        await using var hung = CannedHttpServer.Silent();
        using var httpClient = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var config = new ChatClientConfig("key")
        {
            BaseUrl = hung.BaseUrl,
            HttpClient = httpClient,
            RequestTimeout = TimeSpan.FromMilliseconds(300),
            TokenProviderTimeout = TimeSpan.FromMinutes(5),
            MaxTokenProviderAttempts = 1,
        };
        await using var client = new ChatClient(config, TokenProvider.Guest("visitor"));

        var exception = (await Assert.ThrowsAsync<TokenProviderException>(async () => await client.ConnectAsync().Guard()))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.InnerException, Is.InstanceOf<ChatConnectionException>());
            Assert.That(exception.InnerException!.Message, Does.Contain("did not answer"));
            Assert.That(exception.InnerException.InnerException, Is.InstanceOf<TimeoutException>());
        });
    }
}
