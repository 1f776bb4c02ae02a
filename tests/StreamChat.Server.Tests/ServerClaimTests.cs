using System.Text;
using System.Threading.Tasks;
using StreamChat.Jwt;

namespace StreamChat.Server.Tests;

/// <summary>
/// The validator's verdict on the reserved <c>server</c> claim: it makes the server token only as JSON <c>true</c> and
/// without <c>user_id</c>; anything else that carries it is refused with code 5 instead of being guessed at.
/// </summary>
public class ServerClaimTests
{
    private readonly JwtSigningKey _key = new(TestKeys.Secret);
    private readonly TokenValidator _validator = new(TestKeys.Secret);

    [OneTimeTearDown]
    public void TearDown() => _key.Dispose();

    [TestCase("""{"user_id":"john","server":true}""")]
    [TestCase("""{"server":true,"user_id":"john"}""")]
    [TestCase("""{"user_id":"","server":true}""")]
    [TestCase("""{"user_id":"john","serv\u0065r":true}""")]
    public void A_token_with_user_id_and_server_is_refused_as_ambiguous(string payload)
    {
        var result = _validator.Validate(Sign(payload));

        AssertRefused(result, "both 'user_id' and 'server'");
    }

    [TestCase("""{"server":"true"}""")]
    [TestCase("""{"server":1}""")]
    [TestCase("""{"server":false}""")]
    [TestCase("""{"server":null}""")]
    [TestCase("""{"server":{}}""")]
    [TestCase("""{"user_id":"john","server":false}""")]
    [TestCase("""{"user_id":"john","server":"no"}""")]
    public void A_server_claim_that_is_not_json_true_is_refused(string payload)
    {
        var result = _validator.Validate(Sign(payload));

        AssertRefused(result, "'server' claim is not true");
    }

    [TestCase("""{"server":false,"server":true}""")]
    [TestCase("""{"server":true,"server":true}""")]
    public void A_server_claim_given_twice_is_refused(string payload)
    {
        var result = _validator.Validate(Sign(payload));

        AssertRefused(result, "more than once");
    }

    [Test]
    public void The_server_token_is_server_true_alone_and_names_no_user()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret);

        var issued = _validator.Validate(issuer.CreateServerToken());
        var withTimes = _validator.Validate(Sign("""{"server":true,"iat":1000000000,"role":"x"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(issued.IsValid && issued.IsServerToken, Is.True, issued.Message);
            Assert.That(issued.UserId, Is.Null);
            Assert.That(withTimes.IsValid && withTimes.IsServerToken, Is.True, withTimes.Message);
        });
    }

    [Test]
    public void A_user_token_without_server_is_a_user_token()
    {
        var result = _validator.Validate(Sign("""{"user_id":"john","servers":true,"Server":true}"""));

        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.True, result.Message);
            Assert.That(result.IsServerToken, Is.False);
            Assert.That(result.UserId, Is.EqualTo("john"));
        });
    }

    private static void AssertRefused(TokenVerdict result, string reason)
    {
        Assert.Multiple(() =>
        {
            Assert.That(result.IsValid, Is.False);
            Assert.That(result.IsServerToken, Is.False);
            Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
            Assert.That(result.Message, Does.Contain(reason));
        });
    }

    private string Sign(string payload) => _key.Sign(Encoding.UTF8.GetBytes(payload));
}
