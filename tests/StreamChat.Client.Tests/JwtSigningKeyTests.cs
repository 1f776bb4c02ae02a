using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using StreamChat.Jwt;

namespace StreamChat.Client.Tests;

public class JwtSigningKeyTests
{
    private const string Secret = "a-test-secret-that-is-at-least-32-bytes-long";

    [Test]
    public void Signature_is_hmac_sha256_of_header_and_payload()
    {
        using var key = new JwtSigningKey(Secret);
        var token = key.Sign("""{"user_id":"john"}"""u8);

        var parts = token.Split('.');
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        Assert.Multiple(() =>
        {
            Assert.That(parts, Has.Length.EqualTo(3));
            Assert.That(parts[0], Is.EqualTo("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"));
            Assert.That(parts[2], Is.EqualTo(TokenTests.Base64Url(expected)));
            Assert.That(token, Does.Not.Contain("="));
            Assert.That(Token.Parse(token).UserId, Is.EqualTo("john"));
        });
    }

    [Test]
    public void Sign_with_a_claims_writer_adds_iat_and_exp_as_long_seconds()
    {
        using var key = new JwtSigningKey(Secret);
        var exp = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var iat = new DateTimeOffset(2040, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var token = Token.Parse(key.Sign("john", static (writer, user) => writer.WriteString("user_id", user), exp, iat));

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo("john"));
            Assert.That(token.ExpiresAt, Is.EqualTo(exp));
            Assert.That(token.IssuedAt, Is.EqualTo(iat));
        });
    }

    [Test]
    public void A_claims_writer_that_throws_does_not_break_the_next_signature_on_the_thread()
    {
        using var key = new JwtSigningKey(Secret);

        Assert.That(() => key.Sign(0, static (_, _) => throw new InvalidOperationException("boom")), Throws.InvalidOperationException);
        var token = Token.Parse(key.Sign("jane", static (writer, user) => writer.WriteString("user_id", user)));

        Assert.That(token.UserId, Is.EqualTo("jane"));
    }

    [Test]
    public void A_claims_writer_that_leaves_the_payload_unfinished_or_closed_is_refused()
    {
        using var key = new JwtSigningKey(Secret);

        Assert.Multiple(() =>
        {
            Assert.That(() => key.Sign(0, static (writer, _) => writer.WritePropertyName("dangling")), Throws.InvalidOperationException.With.Message.Contains("whole properties"));
            Assert.That(() => key.Sign(0, static (writer, _) => writer.WriteStartArray("open")), Throws.InvalidOperationException.With.Message.Contains("whole properties"));
            Assert.That(() => key.Sign(0, static (writer, _) => writer.WriteEndObject()), Throws.InvalidOperationException.With.Message.Contains("whole properties"));
        });
    }

    [TestCase(false, false, "{}")]
    [TestCase(true, false, """{"iat":1000}""")]
    [TestCase(false, true, """{"exp":2000}""")]
    [TestCase(true, true, """{"iat":1000,"exp":2000}""")]
    public void The_times_follow_an_empty_claims_object_as_valid_json(bool withIat, bool withExp, string payload)
    {
        using var key = new JwtSigningKey(Secret);
        DateTimeOffset? iat = withIat ? DateTimeOffset.FromUnixTimeSeconds(1000) : null;
        DateTimeOffset? exp = withExp ? DateTimeOffset.FromUnixTimeSeconds(2000) : null;

        var token = Token.Parse(key.Sign(0, static (_, _) => { }, exp, iat));

        Assert.That(Encoding.UTF8.GetString(token.PayloadUtf8), Is.EqualTo(payload));
    }

    [Test]
    public void A_claims_writer_that_signs_a_token_itself_gets_both_tokens_right()
    {
        using var key = new JwtSigningKey(Secret);
        string? inner = null;

        var outer = Token.Parse(key.Sign(key, (writer, k) =>
        {
            inner = k.Sign("nested", static (w, user) => w.WriteString("user_id", user), issuedAt: DateTimeOffset.FromUnixTimeSeconds(5));
            writer.WriteString("user_id", "outer");
        }));

        Assert.Multiple(() =>
        {
            Assert.That(outer.UserId, Is.EqualTo("outer"));
            Assert.That(Encoding.UTF8.GetString(Token.Parse(inner!).PayloadUtf8), Is.EqualTo("""{"user_id":"nested","iat":5}"""));
            Assert.That(Hs256.IsSignedWith(Secret, inner!) && Hs256.IsSignedWith(Secret, outer.RawValue), Is.True);
        });
    }

    [TestCase("")]
    [TestCase("short")]
    [TestCase("31-bytes-long-secret-0123456789")]
    public void Secret_shorter_than_32_bytes_is_refused(string secret)
    {
        Assume.That(Encoding.UTF8.GetByteCount(secret), Is.LessThan(32));

        Assert.That(() => new JwtSigningKey(secret), Throws.ArgumentException.With.Message.Contains("at least 32"));
    }

    [Test]
    public void Secret_error_does_not_echo_the_secret()
    {
        var exception = Assert.Throws<ArgumentException>(() => new JwtSigningKey("hunter2-secret"))!;

        Assert.That(exception.ToString(), Does.Not.Contain("hunter2"));
    }

    [Test]
    public async Task Signing_from_many_threads_at_once_gives_correct_signatures()
    {
        using var key = new JwtSigningKey(Secret);
        var expectedKey = Encoding.UTF8.GetBytes(Secret);

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                var user = $"user-{worker}-{i}";
                var token = key.Sign(user, static (writer, u) => writer.WriteString("user_id", u));
                if (!Hs256.IsSignedWith(expectedKey, token) || Token.Parse(token).UserId != user)
                {
                    return false;
                }
            }

            return true;
        })));

        Assert.That(results, Is.All.True);
    }

    [Test]
    public void A_disposed_key_refuses_to_sign()
    {
        var key = new JwtSigningKey(Secret);
        key.Dispose();

        Assert.That(() => key.Sign("{}"u8.ToArray()), Throws.InstanceOf<ObjectDisposedException>());
    }
}
