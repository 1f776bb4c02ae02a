using StreamChat.Logging;

namespace StreamChat.Client.IntegrationTests.Unit;

public sealed class RedactionTests
{
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoiam9obiJ9.c2lnbmF0dXJl";

    [TestCase("ws://h/connect?json=x&authorization=" + Jwt + "&stream-auth-type=jwt", "ws://h/connect?json=x&authorization=[redacted]&stream-auth-type=jwt")]
    [TestCase("ws://h/connect?authorization=abc", "ws://h/connect?authorization=[redacted]")]
    [TestCase("http://h/x?api_key=k", "http://h/x?api_key=k")]
    [TestCase("http://h/x?token=" + Jwt, "http://h/x?token=[redacted]")]
    public void Urls_lose_the_authorization_value_and_anything_shaped_like_a_jwt(string url, string expected) =>
        Assert.That(Redaction.RedactUrl(url), Is.EqualTo(expected));

    [Test]
    public void Text_without_a_jwt_is_unchanged() =>
        Assert.That(Redaction.RedactTokens("token is expired"), Is.EqualTo("token is expired"));
}
