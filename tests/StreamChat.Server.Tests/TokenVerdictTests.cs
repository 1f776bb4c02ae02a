using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Server.Tests;

/// <summary><see cref="TokenValidator.Validate"/>'s value verdict and what it costs.</summary>
public class TokenVerdictTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Now);
    private UserTokenIssuer _issuer = null!;
    private TokenValidator _validator = null!;

    [SetUp]
    public void SetUp()
    {
        _issuer = new UserTokenIssuer(TestKeys.Secret, _clock);
        _validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = _clock });
    }

    [TearDown]
    public void TearDown() => _issuer.Dispose();

    [Test]
    public void A_valid_user_token_gives_its_user_and_times()
    {
        var verdict = _validator.Validate(_issuer.CreateUserToken("john", Now.AddHours(1), Now.AddMinutes(-1)));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsValid, Is.True, verdict.Message);
            Assert.That(verdict.ErrorCode, Is.EqualTo(StreamErrorCode.None));
            Assert.That(verdict.UserId, Is.EqualTo("john"));
            Assert.That(verdict.IsServerToken, Is.False);
            Assert.That(verdict.ExpiresAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(verdict.IssuedAt, Is.EqualTo(Now.AddMinutes(-1)));
            Assert.That(verdict.NotBefore, Is.Null);
            Assert.That(verdict.HttpStatusCode, Is.EqualTo(200));
            Assert.That(verdict.ToString(), Is.EqualTo("Valid(user_id: john)"));
        });
    }

    [Test]
    public void A_refusal_names_no_user_even_when_the_token_does()
    {
        var verdict = _validator.Validate(_issuer.CreateUserToken("john", Now.AddHours(-1), Now.AddHours(-2)));

        Assert.Multiple(() =>
        {
            Assert.That(verdict.ErrorCode, Is.EqualTo(StreamErrorCode.TokenExpired));
            Assert.That(verdict.UserId, Is.Null);
            Assert.That(verdict.ExpiresAt, Is.EqualTo(Now.AddHours(-1)), "an expired token still says when it expired");
            Assert.That(verdict.HttpStatusCode, Is.EqualTo(401));
        });
    }

    [Test]
    public void The_default_verdict_is_a_refusal()
    {
        var verdict = default(TokenVerdict);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsValid, Is.False);
            Assert.That(verdict.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
            Assert.That(verdict.Message, Is.Not.Empty);
            Assert.That(verdict.HttpStatusCode, Is.EqualTo(401));
        });
    }

    [Test]
    public void Validating_a_valid_token_allocates_only_its_user_id()
    {
        var user = _issuer.CreateUserToken("john", Now.AddHours(1), Now.AddMinutes(-1));
        var server = _issuer.CreateServerToken();
        for (var i = 0; i < 100; i++)
        {
            _validator.Validate(user);
            _validator.Validate(server);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var userVerdict = _validator.Validate(user);
        var afterUser = GC.GetAllocatedBytesForCurrentThread();
        var serverVerdict = _validator.Validate(server);
        var afterServer = GC.GetAllocatedBytesForCurrentThread();

        Assert.Multiple(() =>
        {
            Assert.That(userVerdict.IsValid && serverVerdict.IsValid, Is.True);
            Assert.That(afterUser - before, Is.EqualTo(StringSize("john")), "one allocation: the user id");
            Assert.That(afterServer - afterUser, Is.Zero, "a server token names no user");
        });
    }

    [Test]
    public void The_verdict_carries_the_times_it_read_and_the_claims_are_parsed_on_demand()
    {
        var token = _issuer.CreateUserToken("jane", Now.AddHours(1));

        var verdict = _validator.Validate(token);

        Assert.Multiple(() =>
        {
            Assert.That(verdict.IsValid, Is.True);
            Assert.That(verdict.UserId, Is.EqualTo("jane"));
            Assert.That(verdict.ExpiresAt, Is.EqualTo(Now.AddHours(1)));
            Assert.That(Token.Parse(token).UserId, Is.EqualTo("jane"));
        });
    }

    // A string object on 64-bit: header, method table and length (20 bytes), the characters and a terminator, rounded to 8.
    private static long StringSize(string value) => (20 + ((value.Length + 1) * 2) + 7) & ~7;
}
