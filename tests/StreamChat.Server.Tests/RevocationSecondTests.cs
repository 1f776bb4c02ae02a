using System;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Server.Tests;

/// <summary>The revocation cutoff is compared in whole seconds, as <c>iat</c> is written.</summary>
public class RevocationSecondTests
{
    private static readonly DateTimeOffset Second = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void A_token_issued_in_the_rest_of_the_revoking_second_is_valid()
    {
        // Log out at 12:00:00.300 (the cutoff), log in again at 12:00:00.900: the new token's iat is 12:00:00.
        var clock = new FakeTimeProvider(Second.AddMilliseconds(300));
        var cutoff = clock.GetUtcNow();
        clock.Advance(TimeSpan.FromMilliseconds(600));
        using var issuer = new UserTokenIssuer(TestKeys.Secret, clock);
        var validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = clock });

        var verdict = validator.Validate(issuer.CreateUserToken("john", TimeSpan.FromHours(1)), _ => cutoff);

        Assert.That(verdict.IsValid, Is.True, verdict.Message);
    }

    [Test]
    public void A_token_issued_in_the_second_before_the_cutoffs_is_revoked()
    {
        var clock = new FakeTimeProvider(Second.AddMilliseconds(300));
        using var issuer = new UserTokenIssuer(TestKeys.Secret, clock);
        var validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = clock });
        var earlier = issuer.CreateUserToken("john", Second.AddHours(1), issuedAt: Second.AddMilliseconds(-1));

        var verdict = validator.Validate(earlier, _ => clock.GetUtcNow());

        Assert.Multiple(() =>
        {
            Assert.That(verdict.ErrorCode, Is.EqualTo(StreamErrorCode.TokenExpired));
            Assert.That(verdict.Message, Does.Contain("revoked"));
        });
    }
}
