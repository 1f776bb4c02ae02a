using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests;

/// <summary>Starting, configuring and stopping the embedded server.</summary>
public sealed class LifecycleTests
{
    [Test]
    public async Task Starts_on_a_free_loopback_port_with_a_generated_key_and_secret()
    {
        await using var first = await DevServer.StartAsync();
        await using var second = await DevServer.StartAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(first.BaseUrl.Port, Is.Not.Zero.And.Not.EqualTo(second.BaseUrl.Port));
            Assert.That(first.BaseUrl.AbsolutePath, Is.EqualTo("/"));
            Assert.That(first.ApiKey, Is.Not.Empty.And.Not.EqualTo(second.ApiKey));
            Assert.That(first.ApiSecret, Is.Not.EqualTo(second.ApiSecret));
            Assert.That(Encoding.UTF8.GetByteCount(first.ApiSecret), Is.GreaterThanOrEqualTo(32));
            Assert.That(first.ToString(), Does.Not.Contain(first.ApiSecret));
        });
    }

    [Test]
    public async Task Uses_the_configured_port_key_and_secret()
    {
        var port = FreePort();
        var secret = new string('s', 48);
        await using var server = await DevServer.StartAsync(new DevServerOptions { Port = port, ApiKey = "my-key", ApiSecret = secret });
        Assert.Multiple(() =>
        {
            Assert.That(server.BaseUrl, Is.EqualTo(new Uri($"http://127.0.0.1:{port}/")));
            Assert.That(server.ApiKey, Is.EqualTo("my-key"));
            Assert.That(server.ApiSecret, Is.EqualTo(secret));
        });
    }

    [Test]
    public void Secret_shorter_than_32_bytes_is_refused()
    {
        Assert.That(async () => await DevServer.StartAsync(new DevServerOptions { ApiSecret = "short" }), Throws.ArgumentException);
    }

    [Test]
    public async Task Dispose_stops_listening()
    {
        var server = await DevServer.StartAsync();
        var url = server.BaseUrl;
        await server.DisposeAsync();
        await server.DisposeAsync();

        using var http = new HttpClient();
        Assert.That(async () => await http.GetAsync(url), Throws.InstanceOf<HttpRequestException>());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
