using Microsoft.Extensions.Time.Testing;
using StreamChat.Server.Tests.Differential;

namespace StreamChat.Server.Tests;

/// <summary>What the validator accepts in a token's header and how the signature must be spelled.</summary>
public class HeaderRuleTests
{
    private const string Payload = """{"user_id":"john"}""";

    private readonly TokenValidator _validator = new(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = new FakeTimeProvider() });

    [TestCase("""{"alg":"HS256","typ":"JWT"}""")]
    [TestCase("""{"typ":"JWT","alg":"HS256"}""")]
    [TestCase("""{"alg":"HS256"}""")]
    [TestCase("""{"alg":"HS256","typ":"at+jwt"}""")]
    [TestCase("""{"alg":"HS256","typ":null,"kid":"key-1"}""")]
    [TestCase("""{"alg":"HS256","x5t":"ignored","nested":{"a":[1]}}""")]
    [TestCase(""" { "alg" : "HS256" } """)]
    [TestCase("""{"al\u0067":"HS\u0032\u0035\u0036"}""")]
    public void An_HS256_header_with_other_parameters_is_accepted(string header)
    {
        var verdict = _validator.Validate(Jws.Sign(header, Payload, TestKeys.Secret));

        Assert.That(verdict.IsValid, Is.True, verdict.Message);
    }

    [TestCase("""{"alg":"hs256"}""")]
    [TestCase("""{"alg":"HS384"}""")]
    [TestCase("""{"alg":"none"}""")]
    [TestCase("""{"typ":"JWT"}""")]
    [TestCase("""{"alg":"HS256","alg":"HS256"}""")]
    [TestCase("""{"alg":"none","alg":"HS256"}""")]
    [TestCase("""{"alg":"HS256","kid":null,"kid":"x"}""")]
    [TestCase("""{"alg":"HS256","typ":"JWT","typ":"JWT"}""")]
    [TestCase("""{"alg":"HS256","kid":"a","k\u0069d":"b"}""")]
    [TestCase("""{"alg":"HS256","x5t":"a","x5t":"b"}""")]
    [TestCase("""{"alg":"HS256","typ":1}""")]
    [TestCase("""{"alg":"HS256","kid":["k"]}""")]
    [TestCase("""{"alg":"HS256","crit":["exp"]}""")]
    [TestCase("""{"alg":"HS256"}x""")]
    [TestCase("""["HS256"]""")]
    public void Any_other_header_is_refused_as_malformed_even_when_signed_with_the_secret(string header)
    {
        var verdict = _validator.Validate(Jws.Sign(header, Payload, TestKeys.Secret));

        Assert.That(verdict.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed), verdict.Message);
    }

    [Test]
    public void Only_the_canonical_spelling_of_the_signature_is_accepted()
    {
        var token = Jws.Sign("""{"alg":"HS256","typ":"JWT"}""", Payload, TestKeys.Secret);
        var padded = token + "=";
        var standard = token[..(token.LastIndexOf('.') + 1)] + token[(token.LastIndexOf('.') + 1)..].Replace('-', '+').Replace('_', '/');

        Assert.Multiple(() =>
        {
            Assert.That(_validator.Validate(token).IsValid, Is.True);
            Assert.That(_validator.Validate(padded).ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
            if (standard != token)
            {
                Assert.That(_validator.Validate(standard).ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
            }
        });
    }

    // The usual header is 27 bytes, so a longer header that begins with it has a segment that begins with the usual
    // segment's 36 characters: the validator must read such a segment whole, not stop where the usual one ends.
    [TestCase("""{"alg":"HS256","typ":"JWT"} """, true)]
    [TestCase("""{"alg":"HS256","typ":"JWT"}  """, true)]
    [TestCase("""{"alg":"HS256","typ":"JWT"}x""", false)]
    [TestCase("""{"alg":"HS256","typ":"JWT"}{}""", false)]
    public void A_header_that_begins_like_the_usual_one_is_read_whole(string header, bool valid)
    {
        var token = Jws.Sign(header, Payload, TestKeys.Secret);
        Assume.That(token, Does.StartWith("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"));

        var verdict = _validator.Validate(token);

        Assert.That(verdict.IsValid ? StreamErrorCode.None : verdict.ErrorCode, Is.EqualTo(valid ? StreamErrorCode.None : StreamErrorCode.AuthenticationFailed), verdict.Message);
    }

    [TestCase("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9")]
    [TestCase("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.")]
    [TestCase("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.e30")]
    public void The_usual_header_without_the_other_segments_is_malformed(string token)
    {
        var verdict = _validator.Validate(token);

        Assert.That(verdict.Message, Is.EqualTo("the token is not a well-formed JWT (header.payload.signature)"));
    }
}
