using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StreamChat.Server.AspNetCore.Tests.Support;

namespace StreamChat.Server.AspNetCore.Tests;

/// <summary><c>AddChatTokenIssuer()</c> reads the <c>Chat</c> section and stops the app at start when a setting is wrong, naming the setting, never its value.</summary>
public sealed class OptionsValidationTests
{
    [Test]
    public async Task A_missing_secret_stops_the_app_at_start_naming_the_setting()
    {
        var settings = TestBackend.Settings();
        settings.Remove("Chat:ApiSecret");

        var error = await StartFailingAsync(settings);

        Assert.That(error.Message, Does.Contain("Chat:ApiSecret is not set").And.Contain("Chat__ApiSecret"));
    }

    [Test]
    public async Task A_short_secret_stops_the_app_at_start_without_quoting_it()
    {
        var settings = TestBackend.Settings();
        settings["Chat:ApiSecret"] = "short-but-secret-value";

        var error = await StartFailingAsync(settings);

        Assert.That(error.Message, Does.Contain("Chat:ApiSecret is shorter than 32 bytes").And.Not.Contain("short-but-secret-value"));
    }

    [Test]
    public async Task A_lifetime_that_is_not_a_time_span_is_named_and_not_quoted()
    {
        var settings = TestBackend.Settings();
        settings["Chat:TokenLifetime"] = "forever-and-a-day";

        var error = await StartFailingAsync(settings);

        Assert.That(error.Message, Does.Contain("Chat:TokenLifetime is not a time span").And.Not.Contain("forever-and-a-day"));
    }

    [TestCase("Chat:TokenLifetime", "00:00:00", "Chat:TokenLifetime must be more than zero and at most 365.00:00:00")]
    [TestCase("Chat:TokenLifetime", "10675199.02:48:05.4775807", "Chat:TokenLifetime must be more than zero and at most 365.00:00:00")]
    [TestCase("Chat:TokenLifetime", "366.00:00:00", "Chat:TokenLifetime must be more than zero and at most 365.00:00:00")]
    [TestCase("Chat:IssuedAtBackdate", "-00:00:01", "Chat:IssuedAtBackdate must be between 00:00:00 and 00:05:00")]
    [TestCase("Chat:IssuedAtBackdate", "00:10:00", "Chat:IssuedAtBackdate must be between 00:00:00 and 00:05:00")]
    [TestCase("Chat:ClockSkew", "00:00:05", "Chat:ClockSkew is now Chat:IssuedAtBackdate")]
    public async Task Out_of_range_times_are_refused_at_start(string key, string value, string message)
    {
        var settings = TestBackend.Settings();
        settings[key] = value;

        var error = await StartFailingAsync(settings);

        Assert.That(error.Message, Does.Contain(message));
    }

    [Test]
    public async Task Another_section_is_read_and_named_in_messages()
    {
        var settings = TestBackend.Settings("Stream");
        settings.Remove("Stream:ApiSecret");
        await using var app = TestBackend.Build(settings, _ => { }, services => services.AddChatTokenIssuer("Stream"));

        var error = (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Guard()))!;

        Assert.That(error.Message, Does.Contain("Stream:ApiSecret is not set"));
    }

    [Test]
    public async Task Settings_from_the_section_reach_the_issuer_and_code_can_adjust_them()
    {
        var settings = TestBackend.Settings();
        settings["Chat:IssuedAtBackdate"] = "00:00:05";
        await using var app = TestBackend.Build(settings, _ => { }, services => services.AddChatTokenIssuer().Configure(options => options.TokenLifetime = TimeSpan.FromMinutes(3)));
        await app.StartAsync().Guard();

        var options = app.Services.GetRequiredService<IOptions<ChatTokenIssuerOptions>>().Value;
        var issuer = app.Services.GetRequiredService<ChatTokenIssuer>();

        Assert.Multiple(() =>
        {
            Assert.That(options.ApiKey, Is.EqualTo("test-key"));
            Assert.That(options.IssuedAtBackdate, Is.EqualTo(TimeSpan.FromSeconds(5)));
            Assert.That(issuer.TokenLifetime, Is.EqualTo(TimeSpan.FromMinutes(3)));
            Assert.That(issuer.ApiKey, Is.EqualTo("test-key"));
            Assert.That(options.ToString(), Does.Not.Contain(TestBackend.Secret).And.Contain("[redacted]"));
        });
    }

    private static async Task<OptionsValidationException> StartFailingAsync(Dictionary<string, string?> settings)
    {
        await using var app = TestBackend.Build(settings, endpoints => endpoints.MapChatTokenEndpoint("/chat/token", user => new TestClaims("x", "y")));
        return (await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync().Guard()))!;
    }
}
