using System;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Server.Tests;

/// <summary><see cref="TokenValidatorOptions"/> are checked and copied when the validator is created.</summary>
public class TokenValidatorOptionsTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_clock_skew_of_TimeSpan_MaxValue_is_refused_so_a_token_expired_in_2001_is_never_accepted()
    {
        var clock = new FakeTimeProvider(Now);
        using var key = new StreamChat.Jwt.JwtSigningKey(TestKeys.Secret);
        var expiredIn2001 = key.Sign("""{"user_id":"john","exp":978307200}"""u8);

        TokenVerdict? verdict = null;
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            verdict = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = clock, ClockSkew = TimeSpan.MaxValue }).Validate(expiredIn2001));

        Assert.Multiple(() =>
        {
            Assert.That(verdict?.IsValid, Is.Not.True, "a token that expired in 2001 was accepted");
            Assert.That(error!.ParamName, Is.EqualTo("options"));
            Assert.That(error.Message, Does.Contain("TokenValidatorOptions.ClockSkew must be between 00:00:00 and 00:05:00"));
        });
    }

    [TestCase(-1)]
    [TestCase(301)]
    public void A_clock_skew_outside_zero_to_five_minutes_is_refused(int seconds)
    {
        var options = new TokenValidatorOptions { ClockSkew = TimeSpan.FromSeconds(seconds) };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new TokenValidator(TestKeys.Secret, options));

        Assert.That(error!.Message, Does.Contain("TokenValidatorOptions.ClockSkew"));
    }

    [Test]
    public void A_null_clock_is_refused_naming_the_option_instead_of_a_NullReferenceException_on_every_token()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret);
        var token = issuer.CreateUserToken("john", TimeSpan.FromHours(1));

        var error = Assert.Throws<ArgumentException>(() => new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = null! }).Validate(token));

        Assert.That(error!.Message, Does.Contain("TokenValidatorOptions.TimeProvider is null"));
    }

    [Test]
    public void Changing_the_options_after_creating_the_validator_changes_nothing()
    {
        var clock = new FakeTimeProvider(Now);
        var other = new FakeTimeProvider(Now.AddYears(1));
        using var issuer = new UserTokenIssuer(TestKeys.Secret, clock);
        var token = issuer.CreateUserToken("john", TimeSpan.FromMinutes(5));
        var options = new TokenValidatorOptions { TimeProvider = clock, ClockSkew = TimeSpan.FromMinutes(1) };
        var validator = new TokenValidator(TestKeys.Secret, options);
        clock.Advance(TimeSpan.FromMinutes(5.5));

        options.ClockSkew = TimeSpan.Zero;
        options.TimeProvider = other;

        Assert.That(validator.Validate(token).IsValid, Is.True, "the validator kept the skew and the clock it was created with");
    }
}
