using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Server.Tests;

public class TokenValidatorTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private FakeTimeProvider _clock = null!;
    private UserTokenIssuer _issuer = null!;
    private TokenValidator _validator = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(Now);
        _issuer = new UserTokenIssuer(TestKeys.Secret, _clock);
        _validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = _clock });
    }

    [TearDown]
    public void TearDown() => _issuer.Dispose();

    [Test]
    public void Two_validators_used_from_many_threads_each_check_with_their_own_secret()
    {
        // Each validator keeps one HMAC per thread; threads that take turns between two validators must never check a
        // signature with the other validator's key.
        using var otherIssuer = new UserTokenIssuer(TestKeys.OtherSecret, _clock);
        var other = new TokenValidator(TestKeys.OtherSecret, new TokenValidatorOptions { TimeProvider = _clock });
        var ours = _issuer.CreateUserToken("john", TimeSpan.FromHours(1));
        var theirs = otherIssuer.CreateUserToken("jane", TimeSpan.FromHours(1));
        var wrong = 0;

        Parallel.For(0, 20_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var (validator, own, foreign) = i % 2 == 0 ? (_validator, ours, theirs) : (other, theirs, ours);
            if (!validator.Validate(own).IsValid || validator.Validate(foreign).ErrorCode != StreamErrorCode.TokenSignatureInvalid)
            {
                System.Threading.Interlocked.Increment(ref wrong);
            }
        });

        Assert.That(wrong, Is.Zero);
    }

    [Test]
    public void Valid_user_token_is_accepted_with_its_user()
    {
        var result = _validator.Validate(_issuer.CreateUserToken("john", TimeSpan.FromHours(1)));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Message);
            Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.None));
            Assert.That(result.UserId, Is.EqualTo("john"));
            Assert.That(result.IsServerToken, Is.False);
            Assert.That(result.HttpStatusCode, Is.EqualTo(200));
        });
    }

    [Test]
    public void Server_token_is_accepted_as_server()
    {
        var result = _validator.Validate(_issuer.CreateServerToken());

        Assert.That(result.IsValid && result.IsServerToken, Is.True, result.Message);
    }

    [Test]
    public void Expired_token_is_code_40()
    {
        var token = _issuer.CreateUserToken("john", TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(5));

        var result = _validator.Validate(token);

        Assert.Multiple(() =>
        {
            Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenExpired));
            Assert.That(result.HttpStatusCode, Is.EqualTo(401));
            Assert.That(result.Message, Does.Contain("expired"));
        });
    }

    [Test]
    public void Clock_skew_gives_leeway_on_exp()
    {
        var validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = _clock, ClockSkew = TimeSpan.FromMinutes(1) });
        var token = _issuer.CreateUserToken("john", TimeSpan.FromMinutes(5));
        _clock.Advance(TimeSpan.FromMinutes(5.5));

        Assert.That(validator.Validate(token).IsValid, Is.True);
    }

    [Test]
    public void Dates_at_the_end_of_the_calendar_compare_with_a_skew_instead_of_throwing()
    {
        var validator = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = _clock, ClockSkew = TimeSpan.FromMinutes(1) });
        using var key = new StreamChat.Jwt.JwtSigningKey(TestKeys.Secret);
        var lastSecond = key.Sign("""{"user_id":"john","exp":253402300799}"""u8);
        var firstSecond = key.Sign("""{"user_id":"john","nbf":-62135596800}"""u8);

        Assert.Multiple(() =>
        {
            Assert.That(validator.Validate(lastSecond).IsValid, Is.True);
            Assert.That(validator.Validate(firstSecond).IsValid, Is.True);
        });
    }

    [Test]
    public void Token_not_valid_yet_is_code_41()
    {
        using var key = new StreamChat.Jwt.JwtSigningKey(TestKeys.Secret);
        var token = key.Sign(Now.AddMinutes(10).ToUnixTimeSeconds(), static (w, nbf) =>
        {
            w.WriteString("user_id", "john");
            w.WriteNumber("nbf", nbf);
        });

        var result = _validator.Validate(token);

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenNotValidYet));
    }

    [Test]
    public void Token_issued_in_the_future_is_code_42()
    {
        var token = _issuer.CreateUserToken("john", issuedAt: Now.AddMinutes(10));

        var result = _validator.Validate(token);

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenIssuedInFuture));
    }

    [Test]
    public void Token_signed_with_another_secret_is_code_43()
    {
        using var other = new UserTokenIssuer(TestKeys.OtherSecret, _clock);

        var result = _validator.Validate(other.CreateUserToken("john"));

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
    }

    [Test]
    public void Development_token_is_code_43()
    {
        var result = _validator.Validate(Token.Development("john").RawValue);

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
    }

    [Test]
    public void Signature_changed_in_any_one_character_is_code_43()
    {
        var token = _issuer.CreateUserToken("john");
        var start = token.LastIndexOf('.') + 1;

        // Every position: the signature is compared word by word, and each word must count.
        var verdicts = Enumerable.Range(start, token.Length - start).Select(at =>
        {
            var changed = token.ToCharArray();
            changed[at] = changed[at] == 'A' ? 'B' : 'A';
            return _validator.Validate(new string(changed)).ErrorCode;
        });

        Assert.That(verdicts, Has.Exactly(43).Items.And.All.EqualTo(StreamErrorCode.TokenSignatureInvalid));
    }

    [Test]
    public void Tampered_payload_is_code_43()
    {
        var parts = _issuer.CreateUserToken("john").Split('.');
        var forged = Token.Development("admin").RawValue.Split('.')[1];

        var result = _validator.Validate($"{parts[0]}.{forged}.{parts[2]}");

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
    }

    [TestCase("")]
    [TestCase("not-a-jwt")]
    [TestCase("a.b.c")]
    public void Malformed_token_is_code_5(string token)
    {
        var result = _validator.Validate(token);

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
    }

    [Test]
    public void Signed_token_without_user_id_is_code_5()
    {
        using var key = new StreamChat.Jwt.JwtSigningKey(TestKeys.Secret);

        var result = _validator.Validate(key.Sign("""{"role":"admin"}"""u8));

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
    }

    [Test]
    public void Token_issued_before_the_revocation_cutoff_is_code_40_revoked()
    {
        var token = _issuer.CreateUserToken("john");
        _clock.Advance(TimeSpan.FromMinutes(1));
        var cutoff = _clock.GetUtcNow();

        var result = _validator.Validate(token, user => user == "john" ? cutoff : null);
        var otherUser = _validator.Validate(_issuer.CreateUserToken("jane", issuedAt: Now), user => user == "john" ? cutoff : null);
        var fresh = _validator.Validate(_issuer.CreateUserToken("john"), user => user == "john" ? cutoff : null);

        Assert.Multiple(() =>
        {
            Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenExpired));
            Assert.That(result.Message, Does.Contain("revoked"));
            Assert.That(otherUser.IsValid, Is.True);
            Assert.That(fresh.IsValid, Is.True);
        });
    }

    [Test]
    public void Once_revocation_is_set_a_token_without_iat_is_refused()
    {
        using var key = new StreamChat.Jwt.JwtSigningKey(TestKeys.Secret);
        var token = key.Sign("""{"user_id":"john"}"""u8);

        var withoutRevocation = _validator.Validate(token);
        var withRevocation = _validator.Validate(token, _ => Now.AddDays(-30));

        Assert.Multiple(() =>
        {
            Assert.That(withoutRevocation.IsValid, Is.True);
            Assert.That(withRevocation.ErrorCode, Is.EqualTo(StreamErrorCode.TokenExpired));
        });
    }

    [Test]
    public void Verdicts_never_contain_the_token()
    {
        var token = _issuer.CreateUserToken("john", TimeSpan.FromMinutes(1));
        _clock.Advance(TimeSpan.FromHours(1));

        var result = _validator.Validate(token);

        Assert.That(result.ToString() + result.Message, Does.Not.Contain(token.Split('.')[2]).And.Not.Contain(token.Split('.')[1]));
    }
}
