using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Http;
using StreamChat.Realtime;

namespace StreamChat.Client.IntegrationTests;

/// <summary>
/// What a browser changes, shown outside one: the handshake's <c>Date</c> is hidden (cross-origin) and the client's
/// identification travels in the connect URL. The browser itself is tested by tests/StreamChat.BlazorChat.Tests.
/// </summary>
[Category("Connection")]
public sealed class BrowserPathTests
{
    private static readonly DateTimeOffset ServerNow = new(2031, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Without_a_Date_header_the_server_clock_is_learned_from_the_first_event()
    {
        var offset = await OffsetAfterOpenAsync(hideDate: true);

        // The device clock is the real one, the server's is fixed: the offset is the server's time minus the device's.
        Assert.That(offset, Is.EqualTo(ServerNow - DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)), "learned from created_at");
    }

    [Test]
    public async Task With_a_Date_header_the_server_clock_is_learned_from_it()
    {
        var offset = await OffsetAfterOpenAsync(hideDate: false);

        Assert.That(offset, Is.EqualTo(ServerNow - DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(5)));
    }

    [Test]
    public void In_a_browser_the_connect_url_carries_the_client_identification()
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri("http://127.0.0.1:4100/") };

        var browser = ConnectUrl.Build(config, "ada", null, Token.Anonymous, identifyInQuery: true).Query;
        var elsewhere = ConnectUrl.Build(config, "ada", null, Token.Anonymous, identifyInQuery: false).Query;

        Assert.Multiple(() =>
        {
            Assert.That(browser, Does.EndWith("&X-Stream-Client=" + Uri.EscapeDataString(ClientInfo.HeaderValue)));
            Assert.That(ClientInfo.HeaderValue, Does.StartWith("stream-chat-dotnet-client-"));
            Assert.That(elsewhere, Does.Not.Contain("X-Stream-Client"), "elsewhere it is a header");
        });
    }

    private static async Task<TimeSpan?> OffsetAfterOpenAsync(bool hideDate)
    {
        var serverClock = new FakeTimeProvider(ServerNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        using var invoker = new HttpMessageInvoker(new DateHiding(hideDate));
        var config = Loopback.Config(server);
        config.WebSocketInvoker = invoker;
        using var connector = new WebSocketConnector(config);
        var clock = new ServerClock(config.TimeProvider, NullLogger.Instance);
        var url = ConnectUrl.Build(config, "ada", null, Token.Parse(issuer.CreateUserToken("ada")));

        using var socket = await ChatSocket.OpenAsync(url, connector, config, clock, NullLogger.Instance, CancellationToken.None).Guard();
        await socket.CloseAsync().Guard();
        return clock.Offset;
    }

    /// <summary>Removes the handshake answer's <c>Date</c>, as a browser hides it from a cross-origin page.</summary>
    private sealed class DateHiding(bool hide) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (hide)
            {
                response.Headers.Date = null;
            }

            return response;
        }
    }
}
