using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Http;

namespace StreamChat.Client.IntegrationTests;

/// <summary>
/// REST answers are bounded (<see cref="ChatClientConfig.MaxResponseBytes"/>) and must be JSON objects: anything else
/// from the thing at BaseUrl becomes <see cref="ChatConnectionException"/>, tested against a canned loopback server.
/// </summary>
public sealed class ResponseLimitTests
{
    private const int Limit = 4096;

    [Test]
    public async Task A_declared_length_over_the_limit_fails_before_the_body_is_read()
    {
        // The server declares 10 GiB and sends nothing: only the header can have caused the failure.
        await using var server = CannedHttpServer.Declaring(10L * 1024 * 1024 * 1024);

        var exception = await SendExpectingFailureAsync(server);

        Assert.That(exception.Message, Does.Contain("MaxResponseBytes").And.Contain($"{Limit} bytes").And.Contain("HTTP 200"));
    }

    [Test]
    public async Task A_body_without_a_length_is_cut_off_at_the_limit()
    {
        await using var server = CannedHttpServer.AnsweringWithoutLength("application/json", $"{{\"padding\":\"{new string('x', Limit)}\"}}");

        var exception = await SendExpectingFailureAsync(server);

        Assert.That(exception.Message, Does.Contain("MaxResponseBytes"));
    }

    [Test]
    public async Task An_endless_body_is_not_buffered_without_end()
    {
        // No request timeout: only the size limit can end this request.
        await using var server = CannedHttpServer.Endless();

        var exception = await SendExpectingFailureAsync(server, requestTimeout: Timeout.InfiniteTimeSpan);

        Assert.That(exception.Message, Does.Contain("MaxResponseBytes"));
    }

    [Test]
    public async Task An_error_answer_over_the_limit_is_a_connection_error_too()
    {
        await using var server = CannedHttpServer.Answering("text/html", new string('x', Limit + 1), status: 502);

        var exception = await SendExpectingFailureAsync(server);

        Assert.That(exception.Message, Does.Contain("MaxResponseBytes").And.Contain("HTTP 502"));
    }

    [TestCase(0)]
    [TestCase(1)]
    public async Task An_answer_of_exactly_the_limit_is_read(int headroom)
    {
        const string Head = "{\"padding\":\"";
        const string Tail = "\"}";
        var body = Head + new string('x', Limit - headroom - Head.Length - Tail.Length) + Tail;
        await using var server = CannedHttpServer.AnsweringWithoutLength("application/json", body);
        using var transport = Transport(server);

        using var document = await transport.SendAsync(HttpMethod.Post, "guest", null, null, null, CancellationToken.None).Guard();

        Assert.That(document.RootElement.GetProperty("padding").GetString(), Has.Length.EqualTo(Limit - headroom - Head.Length - Tail.Length));
    }

    [TestCase("[]", "array")]
    [TestCase("[{\"access_token\":\"x\"}]", "array")]
    [TestCase("\"ok\"", "string")]
    [TestCase("42", "number")]
    [TestCase("true", "boolean")]
    [TestCase("null", "null")]
    public async Task A_2xx_answer_that_is_json_but_not_an_object_is_a_connection_error(string body, string kind)
    {
        await using var server = CannedHttpServer.Answering("application/json", body);

        var exception = await SendExpectingFailureAsync(server);

        Assert.That(exception.Message, Does.Contain($"a {kind} where the chat API answers with an object").And.Contain("BaseUrl"));
    }

    [Test]
    public async Task The_client_reports_a_non_object_answer_as_a_connection_error()
    {
        await using var server = CannedHttpServer.Answering("application/json", "[1,2,3]");
        var config = new ChatClientConfig("key") { BaseUrl = server.BaseUrl, MaxTokenProviderAttempts = 1 };
        await using var client = new ChatClient(config, TokenProvider.Guest("visitor"));

        var exception = (await Assert.ThrowsAsync<TokenProviderException>(async () => await client.ConnectAsync().Guard()))!;

        Assert.Multiple(() =>
        {
            Assert.That(server.Requests, Is.EqualTo(1));
            Assert.That(exception.InnerException, Is.InstanceOf<ChatConnectionException>(), "not an InvalidOperationException from reading an array as an object");
        });
    }

    [Test]
    public void The_limit_is_range_checked_and_defaults_to_4_MiB()
    {
        var config = new ChatClientConfig("key");

        Assert.Multiple(() =>
        {
            Assert.That(config.MaxResponseBytes, Is.EqualTo(4 * 1024 * 1024));
            Assert.That(() => config.MaxResponseBytes = 1023, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => config.MaxResponseBytes = (1024 * 1024 * 1024) + 1, Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    private static RestTransport Transport(CannedHttpServer server, TimeSpan? requestTimeout = null)
    {
        var config = new ChatClientConfig("key") { BaseUrl = server.BaseUrl, MaxResponseBytes = Limit };
        if (requestTimeout is { } timeout)
        {
            config.RequestTimeout = timeout;
        }

        return new RestTransport(config, new ServerClock(TimeProvider.System, NullLogger.Instance), NullLogger.Instance);
    }

    private static async Task<ChatConnectionException> SendExpectingFailureAsync(CannedHttpServer server, TimeSpan? requestTimeout = null)
    {
        using var transport = Transport(server, requestTimeout);

        var exception = await Assert.ThrowsAsync<ChatConnectionException>(async () =>
        {
            using var document = await transport.SendAsync(HttpMethod.Post, "guest", null, null, null, CancellationToken.None).Guard();
        });

        Assert.That(server.Requests, Is.EqualTo(1));
        return exception!;
    }
}
