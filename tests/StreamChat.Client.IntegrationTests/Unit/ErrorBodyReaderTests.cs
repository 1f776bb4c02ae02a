using System.Net;
using System.Text;
using StreamChat.Http;

namespace StreamChat.Client.IntegrationTests.Unit;

public sealed class ErrorBodyReaderTests
{
    [Test]
    public void Full_body_gives_code_status_message_and_link()
    {
        var error = ErrorBodyReader.ToException(Encoding.UTF8.GetBytes("""{"code":43,"message":"signature is invalid","StatusCode":401,"duration":"0.1ms","more_info":"https://example.test/43"}"""), HttpStatusCode.Unauthorized);

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
            Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(error.ServerMessage, Is.EqualTo("signature is invalid"));
            Assert.That(error.MoreInfo, Is.EqualTo("https://example.test/43"));
            Assert.That(error.Message, Does.Contain("43").And.Contain("401"));
        });
    }

    [TestCase("", 0)]
    [TestCase("<html>bad gateway</html>", 0)]
    [TestCase("""{"message":"no code"}""", 0)]
    [TestCase("""{"code":"40"}""", 40)]
    [TestCase("""{"code":17,"StatusCode":"x"}""", 17)]
    [TestCase("""[1,2]""", 0)]
    public void Malformed_or_partial_bodies_are_read_leniently(string body, int code)
    {
        var error = ErrorBodyReader.ToException(Encoding.UTF8.GetBytes(body), HttpStatusCode.BadGateway);

        Assert.That(error.RawCode, Is.EqualTo(code));
        Assert.That(error.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
    }
}
