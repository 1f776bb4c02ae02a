namespace StreamChat.DevServer.Tests;

/// <summary>The command line of the runnable dev server.</summary>
public sealed class CommandLineTests
{
    [Test]
    public void Options_are_parsed()
    {
        var ok = CommandLine.TryParse(["--port", "4321", "--api-key", "key", "--api-secret", "s3cr3t", "--disable-auth-checks"], out var options, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True, error);
            Assert.That(options!.Port, Is.EqualTo(4321));
            Assert.That(options.ApiKey, Is.EqualTo("key"));
            Assert.That(options.ApiSecret, Is.EqualTo("s3cr3t"));
            Assert.That(options.DisableAuthChecks, Is.True);
        });
    }

    [Test]
    public void Defaults_generate_key_and_secret_and_keep_auth_checks_on()
    {
        var ok = CommandLine.TryParse([], out var options, out _);
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True);
            Assert.That(options!.ApiKey, Is.Null);
            Assert.That(options.ApiSecret, Is.Null);
            Assert.That(options.DisableAuthChecks, Is.False);
            Assert.That(options.Port, Is.Zero);
        });
    }

    [Test]
    public void Cors_origins_are_collected()
    {
        var ok = CommandLine.TryParse(["--cors-origin", "https://app.example", "--cors-origin", "*"], out var options, out var error);
        Assert.Multiple(() =>
        {
            Assert.That(ok, Is.True, error);
            Assert.That(options!.CorsOrigins, Is.EqualTo(new[] { "https://app.example", "*" }));
        });
    }

    [TestCase("--port", "not-a-number")]
    [TestCase("--port", "70000")]
    [TestCase("--api-key")]
    [TestCase("--cors-origin")]
    [TestCase("--bogus")]
    public void Bad_options_are_reported(params string[] args)
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandLine.TryParse(args, out _, out var error), Is.False);
            Assert.That(error, Does.Contain(args[0]));
        });
    }

    [Test]
    public void Help_is_not_an_error()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CommandLine.TryParse(["--help"], out _, out var error), Is.False);
            Assert.That(error, Is.Null);
        });
    }
}
