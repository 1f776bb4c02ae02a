using System;
using System.Threading.Tasks;

namespace StreamChat.Client.Tests;

/// <summary>
/// Plain http (and so ws) carries tokens in clear text: the client allows it for this machine only, unless the caller
/// opts in with <see cref="ChatClientConfig.AllowInsecureTransport"/>. URLs with credentials are refused, never echoed.
/// </summary>
public class InsecureTransportTests
{
    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://127.1.2.3/")]
    [TestCase("http://localhost:3030/")]
    [TestCase("http://LocalHost/")]
    [TestCase("http://[::1]:8080/")]
    [TestCase("http://[::ffff:127.0.0.1]:8080/")]
    [TestCase("https://chat.example.com/")]
    [TestCase("https://192.168.1.10:8443/")]
    public void Https_anywhere_and_http_to_this_machine_need_no_opt_in(string url)
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri(url) };

        using var client = new ChatClient(config, TokenProvider.Development("john"));

        Assert.That(client.Config.BaseUrl, Is.EqualTo(new Uri(url)));
    }

    [TestCase("http://chat.example.com/")]
    [TestCase("http://192.168.1.10:3030/")]
    [TestCase("http://10.0.0.1/")]
    [TestCase("http://0.0.0.0:3030/")]
    [TestCase("http://[::]:3030/")]
    [TestCase("http://[fe80::1]/")]
    [TestCase("http://app.localhost:3030/")]
    [TestCase("http://localhost.example.com/")]
    [TestCase("http://127.0.0.1.nip.io/")]
    public void Plain_http_to_another_host_is_refused_unless_the_caller_opts_in(string url)
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri(url) };

        var exception = Assert.Throws<ArgumentException>(() => new ChatClient(config, TokenProvider.Development("john")))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("AllowInsecureTransport").And.Contain("https"));
            Assert.That(exception.ParamName, Is.EqualTo(nameof(ChatClientConfig.BaseUrl)));
        });
    }

    [Test]
    public void The_opt_in_works_whichever_property_an_initializer_sets_first()
    {
        var urlFirst = new ChatClientConfig("key") { BaseUrl = new Uri("http://chat.test:3030"), AllowInsecureTransport = true };
        var optInFirst = new ChatClientConfig("key") { AllowInsecureTransport = true, BaseUrl = new Uri("http://chat.test:3030") };

        using var first = new ChatClient(urlFirst, TokenProvider.Development("john"));
        using var second = new ChatClient(optInFirst, TokenProvider.Development("john"));

        Assert.Multiple(() =>
        {
            Assert.That(first.Config.AllowInsecureTransport, Is.True);
            Assert.That(second.Config.BaseUrl.Host, Is.EqualTo("chat.test"));
            Assert.That(new ChatClientConfig("key").AllowInsecureTransport, Is.False, "the default");
        });
    }

    [Test]
    public async Task Changing_the_base_url_after_construction_does_not_get_around_the_check()
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri("http://127.0.0.1:9/") };
        await using var client = new ChatClient(config, TokenProvider.Development("john"));
        // .invalid never resolves (RFC 6761): were the check missing, the connect would fail without leaving the machine.
        config.BaseUrl = new Uri("http://chat.invalid/");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => client.ConnectAsync());

        Assert.That(exception!.Message, Does.Contain("AllowInsecureTransport"));
    }

    [TestCase("http://alice:s3cr3t-pw@127.0.0.1:5000/")]
    [TestCase("https://alice:s3cr3t-pw@chat.example.com/")]
    [TestCase("https://s3cr3t-pw@chat.example.com/")]
    public void A_base_url_with_credentials_is_refused_without_echoing_them(string url)
    {
        var config = new ChatClientConfig("key");

        var exception = Assert.Throws<ArgumentException>(() => config.BaseUrl = new Uri(url))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Message, Does.Contain("user name or password"));
            Assert.That(exception.ToString(), Does.Not.Contain("s3cr3t").And.Not.Contain("alice"));
            Assert.That(config.BaseUrl, Is.EqualTo(ChatClientConfig.DefaultBaseUrl), "the refused value is not kept");
            Assert.That(config.ToString(), Does.Not.Contain("s3cr3t"));
        });
    }

    [TestCase("ftp://alice:s3cr3t-pw@example.com/")]
    [TestCase("ws://alice:s3cr3t-pw@example.com/")]
    public void The_wrong_scheme_error_does_not_echo_the_url(string url)
    {
        var config = new ChatClientConfig("key");

        var exception = Assert.Throws<ArgumentException>(() => config.BaseUrl = new Uri(url))!;

        Assert.That(exception.ToString(), Does.Contain("absolute http or https").And.Not.Contain("s3cr3t").And.Not.Contain("alice"));
    }

    [Test]
    public void Config_ToString_shows_the_base_url_without_its_query()
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri("https://chat.example.com/v1/?sig=s3cr3t#frag") };

        Assert.That(config.ToString(), Is.EqualTo("ChatClientConfig(apiKey: key, baseUrl: https://chat.example.com/v1/)"));
    }
}
