using System;
using System.Text;

namespace StreamChat.Client.Tests;

public class MalformedTokenTests
{
    private const string Header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private static readonly string SecretPayload = TokenTests.Base64Url(Encoding.UTF8.GetBytes("""{"user_id":"secret-user-7f3a"}"""));

    public static object[] Cases() =>
    [
        new object[] { "", TokenFormatError.Empty },
        new object[] { "   ", TokenFormatError.Empty },
        new object[] { "abc", TokenFormatError.WrongSegmentCount },
        new object[] { $"{Header}.{SecretPayload}", TokenFormatError.WrongSegmentCount },
        new object[] { $"{Header}.{SecretPayload}.sig.extra", TokenFormatError.WrongSegmentCount },
        new object[] { $"{Header}.{SecretPayload}.sig.", TokenFormatError.WrongSegmentCount },
        new object[] { $"{Header}.not*base64.sig", TokenFormatError.InvalidBase64 },
        new object[] { $"{Header}..sig", TokenFormatError.InvalidBase64 },
        new object[] { $"{Header}.{SecretPayload}A.sig", TokenFormatError.InvalidBase64 },
        new object[] { $"{Header}.{SecretPayload}===.sig", TokenFormatError.InvalidBase64 },
        new object[] { $"{Header}.{SecretPayload}.si*g", TokenFormatError.InvalidBase64 },
        new object[] { $"{Header}.{SecretPayload}.sig\u00e9", TokenFormatError.InvalidBase64 },
        new object[] { $"!!.{SecretPayload}.sig", TokenFormatError.InvalidBase64 },
        new object[] { $"{Encode("[1]")}.{SecretPayload}.sig", TokenFormatError.HeaderNotJsonObject },
        new object[] { $"{Encode("{")}.{SecretPayload}.sig", TokenFormatError.HeaderNotJsonObject },
        new object[] { $"{Header}.{Encode("not json")}.sig", TokenFormatError.PayloadNotJson },
        new object[] { $"{Header}.{Encode("{\"user_id\":\"a\"")}.sig", TokenFormatError.PayloadNotJson },
        new object[] { $"{Header}.{Encode("{\"user_id\":\"a\"} {}")}.sig", TokenFormatError.PayloadNotJson },
        new object[] { $"{Header}.{Encode("[\"user_id\"]")}.sig", TokenFormatError.PayloadNotObject },
        new object[] { $"{Header}.{Encode("\"user_id\"")}.sig", TokenFormatError.PayloadNotObject },
        new object[] { $"{Header}.{Encode("42")}.sig", TokenFormatError.PayloadNotObject },
        new object[] { $"{Header}.{Encode("{\"user_id\":42}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"user_id\":null}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"user_id\":[\"a\"]}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"exp\":\"tomorrow\"}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"iat\":true}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"nbf\":{}}")}.sig", TokenFormatError.InvalidClaimType },
        new object[] { $"{Header}.{Encode("{\"exp\":1e300}")}.sig", TokenFormatError.ClaimOutOfRange },
        new object[] { $"{Header}.{Encode("{\"iat\":-99999999999999}")}.sig", TokenFormatError.ClaimOutOfRange },
        new object[] { $"{Header}.{Encode("{\"exp\":253402300800}")}.sig", TokenFormatError.ClaimOutOfRange },
        new object[] { $"{Header}.{Encode("{\"user_id\":\"a\",\"user_id\":\"b\"}")}.sig", TokenFormatError.DuplicateClaim },
        new object[] { $"{Header}.{Encode("{\"exp\":1,\"exp\":2}")}.sig", TokenFormatError.DuplicateClaim },
        new object[] { $"{Header}.{Convert.ToBase64String([0x7B, 0x22, 0x75, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])}.sig", TokenFormatError.PayloadNotJson },
    ];

    [TestCaseSource(nameof(Cases))]
    public void Malformed_token_gets_a_typed_error_that_does_not_echo_the_token(string raw, TokenFormatError expected)
    {
        var exception = Assert.Throws<TokenFormatException>(() => Token.Parse(raw))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.Error, Is.EqualTo(expected));
            Assert.That(exception, Is.InstanceOf<FormatException>());
            Assert.That(exception.Message, Is.Not.Empty);
            Assert.That(exception.ToString(), Does.Not.Contain("secret-user-7f3a"));
            Assert.That(exception.ToString(), Does.Not.Contain(SecretPayload));
            if (raw.Length > 8)
            {
                Assert.That(exception.ToString(), Does.Not.Contain(raw));
            }
        });
        Assert.That(Token.TryParse(raw, out var token), Is.False);
        Assert.That(token, Is.Null);
    }

    [Test]
    public void Wrong_segment_count_says_how_many_segments_there_are()
    {
        var exception = Assert.Throws<TokenFormatException>(() => Token.Parse("a.b"))!;

        Assert.That(exception.Message, Does.Contain("2 dot-separated segments").And.Contain("3"));
    }

    [Test]
    public void Claim_type_errors_name_the_claim()
    {
        var exception = Assert.Throws<TokenFormatException>(() => Token.Parse($"{Header}.{Encode("{\"exp\":\"soon\"}")}.sig"))!;

        Assert.Multiple(() =>
        {
            Assert.That(exception.ClaimName, Is.EqualTo("exp"));
            Assert.That(exception.Message, Does.Contain("'exp'").And.Contain("string"));
        });
    }

    [Test]
    public void Null_is_an_argument_error_not_a_format_error()
    {
        Assert.That(() => Token.Parse(null!), Throws.ArgumentNullException);
        Assert.That(Token.TryParse(null, out _), Is.False);
    }

    private static string Encode(string text) => TokenTests.Base64Url(Encoding.UTF8.GetBytes(text));
}
