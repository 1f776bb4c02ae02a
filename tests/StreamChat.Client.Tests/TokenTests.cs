using System;
using System.Text;

namespace StreamChat.Client.Tests;

public class TokenTests
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    [Test]
    public void Parse_reads_user_id_exp_and_iat()
    {
        var token = Token.Parse(Jwt("""{"user_id":"john","exp":1700000000,"iat":1600000000,"role":"admin"}"""));

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo("john"));
            Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
            Assert.That(token.IssuedAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1600000000)));
            Assert.That(token.IsDevelopment, Is.False);
            Assert.That(token.IsAnonymous, Is.False);
            Assert.That(token.TryGetClaim("role", out var role), Is.True);
            Assert.That(role.GetString(), Is.EqualTo("admin"));
        });
    }

    [Test]
    public void IsServerToken_is_true_only_for_a_payload_with_server_true()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Token.Parse(Jwt("""{"server":true}""")).IsServerToken, Is.True);
            Assert.That(Token.Parse(Jwt("""{"server":false}""")).IsServerToken, Is.False);
            Assert.That(Token.Parse(Jwt("""{"server":"true"}""")).IsServerToken, Is.False);
            Assert.That(Token.Parse(Jwt("""{"user_id":"john"}""")).IsServerToken, Is.False);
            Assert.That(Token.Development("john").IsServerToken, Is.False);
            Assert.That(Token.Anonymous.IsServerToken, Is.False);
        });
    }

    [Test]
    public void Parse_reads_exp_beyond_2038_as_long_seconds()
    {
        var token = Token.Parse(Jwt("""{"user_id":"u","exp":4102444800}"""));

        Assert.That(token.ExpiresAt, Is.EqualTo(new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Test]
    public void Parse_floors_fractional_numeric_dates()
    {
        var token = Token.Parse(Jwt("""{"user_id":"u","exp":1700000000.75}"""));

        Assert.That(token.ExpiresAt, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
    }

    [TestCase(true, true)]
    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(false, false)]
    public void Parse_accepts_base64url_and_standard_base64_padded_or_not(bool url, bool padded)
    {
        // "?>" and "~~" make '+' '/' in standard base64 and '-' '_' in base64url; lengths force padding.
        var payload = Encoding.UTF8.GetBytes("""{"user_id":"a?>~~?bc"}""");
        var encoded = Convert.ToBase64String(payload);
        if (url)
        {
            encoded = encoded.Replace('+', '-').Replace('/', '_');
        }

        if (!padded)
        {
            encoded = encoded.TrimEnd('=');
        }

        Assert.That(encoded.EndsWith('='), Is.EqualTo(padded), "the sample must exercise padding");
        Assert.That(encoded.IndexOfAny(url ? ['-', '_'] : ['+', '/']), Is.Not.Negative, "the sample must exercise the alphabet");

        var token = Token.Parse($"{Header}.{encoded}.sig");

        Assert.That(token.UserId, Is.EqualTo("a?>~~?bc"));
    }

    [Test]
    public void Development_token_has_the_documented_format()
    {
        var token = Token.Development("john-doe");

        Assert.Multiple(() =>
        {
            Assert.That(token.RawValue, Does.StartWith(Header + "."));
            Assert.That(token.RawValue, Does.EndWith(".devtoken"));
            Assert.That(token.IsDevelopment, Is.True);
            Assert.That(token.UserId, Is.EqualTo("john-doe"));
            Assert.That(DecodePayload(token.RawValue), Is.EqualTo("""{"user_id":"john-doe"}"""));
        });
    }

    [TestCase("quote\"d")]
    [TestCase("back\\slash")]
    [TestCase("line\nbreak\u0001")]
    [TestCase("ünïcødé-用户-🙂")]
    public void Development_token_json_escapes_the_user_id(string userId)
    {
        var token = Token.Development(userId);

        Assert.That(Token.Parse(token.RawValue).UserId, Is.EqualTo(userId));
    }

    [TestCase(null)]
    [TestCase("")]
    public void Development_token_needs_a_user_id(string? userId)
    {
        Assert.That(() => Token.Development(userId!), Throws.ArgumentException.With.Message.Contains("user id"));
    }

    [Test]
    public void Anonymous_token_has_no_user_and_no_value()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Token.Anonymous.IsAnonymous, Is.True);
            Assert.That(Token.Anonymous.UserId, Is.Null);
            Assert.That(Token.Anonymous.RawValue, Is.Empty);
            Assert.That(Token.Anonymous.ToString(), Is.EqualTo("Token(anonymous)"));
        });
    }

    [Test]
    public void ToString_redacts_the_token()
    {
        var raw = Jwt("""{"user_id":"john","exp":1700000000}""");
        var text = Token.Parse(raw).ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("john"));
            Assert.That(text, Does.Contain("[redacted]"));
            Assert.That(text, Does.Not.Contain(raw.Split('.')[1]));
            Assert.That(text, Does.Not.Contain("sig"));
        });
    }

    [Test]
    public void Tokens_with_the_same_value_are_equal()
    {
        var raw = Jwt("""{"user_id":"john"}""");
        var first = Token.Parse(raw);
        var second = Token.Parse(raw);

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.EqualTo(second));
            Assert.That(first.GetHashCode(), Is.EqualTo(second.GetHashCode()));
            Assert.That(first, Is.Not.EqualTo(Token.Parse(Jwt("""{"user_id":"jane"}"""))));
            Assert.That(first, Is.Not.EqualTo(Token.Anonymous));
        });
    }

    internal static string Jwt(string payloadJson, string signature = "sig") =>
        $"{Header}.{Base64Url(Encoding.UTF8.GetBytes(payloadJson))}.{signature}";

    internal static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string DecodePayload(string raw)
    {
        var segment = raw.Split('.')[1].Replace('-', '+').Replace('_', '/');
        segment = segment.PadRight(segment.Length + ((4 - (segment.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(segment));
    }
}
