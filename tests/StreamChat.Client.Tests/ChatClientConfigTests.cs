using System;
using System.Threading;

namespace StreamChat.Client.Tests;

public class ChatClientConfigTests
{
    [Test]
    public void Config_has_sensible_defaults()
    {
        var config = new ChatClientConfig("api-key");

        Assert.Multiple(() =>
        {
            Assert.That(config.ApiKey, Is.EqualTo("api-key"));
            Assert.That(config.BaseUrl, Is.EqualTo(new Uri("https://chat.stream-io-api.com")));
            Assert.That(config.RequestTimeout, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(config.TokenProviderTimeout, Is.GreaterThan(TimeSpan.Zero));
            Assert.That(config.MaxTokenRefreshAttempts, Is.GreaterThanOrEqualTo(1));
            Assert.That(config.TimeProvider, Is.SameAs(TimeProvider.System));
            Assert.That(config.MaxWebSocketMessageBytes, Is.EqualTo(4 * 1024 * 1024));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Empty_api_key_is_refused_with_a_clear_error(string apiKey)
    {
        Assert.That(() => new ChatClientConfig(apiKey), Throws.ArgumentException.With.Message.Contains("API key is empty"));
    }

    [Test]
    public void Api_key_with_surrounding_white_space_is_refused()
    {
        Assert.That(() => new ChatClientConfig("key\n"), Throws.ArgumentException.With.Message.Contains("white space"));
    }

    [Test]
    public void Null_api_key_is_an_argument_null_error()
    {
        Assert.That(() => new ChatClientConfig(null!), Throws.ArgumentNullException);
    }

    [TestCase("/relative/path", UriKind.Relative)]
    [TestCase("ftp://example.com", UriKind.Absolute)]
    [TestCase("ws://example.com", UriKind.Absolute)]
    public void Base_url_must_be_absolute_http_or_https(string url, UriKind kind)
    {
        var config = new ChatClientConfig("key");

        Assert.That(() => config.BaseUrl = new Uri(url, kind), Throws.ArgumentException.With.Message.Contains("absolute http or https"));
    }

    [Test]
    public void Base_url_accepts_a_local_dev_server()
    {
        var config = new ChatClientConfig("key") { BaseUrl = new Uri("http://127.0.0.1:5000") };

        Assert.That(config.BaseUrl.Port, Is.EqualTo(5000));
    }

    [Test]
    public void Timeouts_and_limits_are_range_checked()
    {
        var config = new ChatClientConfig("key");

        Assert.Multiple(() =>
        {
            Assert.That(() => config.RequestTimeout = TimeSpan.Zero, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => config.TokenProviderTimeout = TimeSpan.FromSeconds(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => config.MaxTokenRefreshAttempts = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => config.TimeProvider = null!, Throws.ArgumentNullException);
            Assert.That(() => config.MaxWebSocketMessageBytes = 1023, Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
        config.RequestTimeout = Timeout.InfiniteTimeSpan;
        Assert.That(config.RequestTimeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }

    [Test]
    public void Chat_client_keeps_its_config_and_provider()
    {
        var config = new ChatClientConfig("key");
        var provider = TokenProvider.Development("john");
        var client = new ChatClient(config, provider);

        Assert.Multiple(() =>
        {
            Assert.That(client.Config, Is.SameAs(config));
            Assert.That(client.TokenProvider, Is.SameAs(provider));
            Assert.That(() => new ChatClient(null!, provider), Throws.ArgumentNullException);
            Assert.That(() => new ChatClient(config, null!), Throws.ArgumentNullException);
        });
    }
}
