using System;
using System.Collections.Generic;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Server.Tests;

public class UserTokenIssuerTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public void User_token_carries_user_id_and_iat_from_the_clock()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));

        var token = Token.Parse(issuer.CreateUserToken("john"));

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo("john"));
            Assert.That(token.IssuedAt, Is.EqualTo(Now));
            Assert.That(token.ExpiresAt, Is.Null);
        });
    }

    [Test]
    public void Lifetime_sets_exp_relative_to_now()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));

        var token = Token.Parse(issuer.CreateUserToken("john", TimeSpan.FromHours(2)));

        Assert.That(token.ExpiresAt, Is.EqualTo(Now.AddHours(2)));
    }

    [Test]
    public void Dates_after_2038_are_written_as_long_seconds()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));
        var exp = new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var token = Token.Parse(issuer.CreateUserToken("john", exp));

        Assert.Multiple(() =>
        {
            Assert.That(token.ExpiresAt, Is.EqualTo(exp));
            Assert.That(token.TryGetClaim("exp", out var raw), Is.True);
            Assert.That(raw.GetInt64(), Is.EqualTo(exp.ToUnixTimeSeconds()));
        });
    }

    [Test]
    public void Issued_at_backdate_moves_iat_into_the_past()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now)) { IssuedAtBackdate = TimeSpan.FromSeconds(30) };

        var token = Token.Parse(issuer.CreateUserToken("john"));

        Assert.That(token.IssuedAt, Is.EqualTo(Now.AddSeconds(-30)));
    }

    [Test]
    public void Explicit_issued_at_wins_over_the_clock()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));

        var token = Token.Parse(issuer.CreateUserToken("john", issuedAt: Now.AddDays(-1)));

        Assert.That(token.IssuedAt, Is.EqualTo(Now.AddDays(-1)));
    }

    [Test]
    public void Custom_claims_are_written_with_their_json_types()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));
        var claims = new Dictionary<string, object?> { ["role"] = "admin", ["level"] = 7, ["beta"] = true, ["teams"] = new[] { "a", "b" }, ["note"] = null };

        var token = Token.Parse(issuer.CreateUserToken("john", claims: claims));

        using var document = JsonDocument.Parse(token.PayloadUtf8.ToArray());
        var root = document.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("role").GetString(), Is.EqualTo("admin"));
            Assert.That(root.GetProperty("level").GetInt32(), Is.EqualTo(7));
            Assert.That(root.GetProperty("beta").GetBoolean(), Is.True);
            Assert.That(root.GetProperty("teams").GetArrayLength(), Is.EqualTo(2));
            Assert.That(root.GetProperty("note").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });
    }

    [TestCase("user_id")]
    [TestCase("exp")]
    [TestCase("iat")]
    [TestCase("nbf")]
    [TestCase("server")]
    public void Reserved_claims_cannot_be_passed_as_custom_claims(string name)
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret);

        Assert.That(() => issuer.CreateUserToken("john", claims: new Dictionary<string, object?> { [name] = "x" }), Throws.ArgumentException.With.Message.Contains($"'{name}'"));
    }

    [Test]
    public void Bad_input_gets_clear_errors()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));

        Assert.Multiple(() =>
        {
            Assert.That(() => issuer.CreateUserToken(""), Throws.ArgumentException.With.Message.Contains("user id"));
            Assert.That(() => issuer.CreateUserToken("john", Now.AddSeconds(-1)), Throws.ArgumentException.With.Message.Contains("expire before it is issued"));
            Assert.That(() => issuer.CreateUserToken("john", TimeSpan.Zero), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => issuer.CreateUserToken("john", claims: new Dictionary<string, object?> { ["x"] = new object() }), Throws.ArgumentException.With.Message.Contains("claims[\"x\"]"));
        });
    }

    [Test]
    public void Secret_shorter_than_32_bytes_is_refused_with_a_clear_error()
    {
        Assert.That(() => new UserTokenIssuer("too-short"), Throws.ArgumentException.With.Message.Contains("at least 32"));
        Assert.That(() => new TokenValidator("too-short"), Throws.ArgumentException.With.Message.Contains("at least 32"));
    }

    [Test]
    public void Server_token_is_server_true_signed_with_the_secret()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret);

        var token = Token.Parse(issuer.CreateServerToken());

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.Null);
            Assert.That(token.TryGetClaim("server", out var server), Is.True);
            Assert.That(server.GetBoolean(), Is.True);
            Assert.That(token.PayloadUtf8.ToArray(), Is.EqualTo("""{"server":true}"""u8.ToArray()));
        });
    }

    // A token without custom claims whose user id is plain printable ASCII is built without the JSON writer; every user id
    // must give the same token either way (custom claims, even none, take the writer).
    private static IEnumerable<string> UserIdsOfEveryKind()
    {
        for (var c = (char)0; c < 0x80; c++)
        {
            yield return $"a{c}b";
            yield return c.ToString();
        }

        yield return " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
        yield return "jöhn";
        yield return "\u2028";
        yield return "\ud83d\ude00";
        yield return "lone\ud83d";
        yield return "</script>";
        yield return new string('x', 127);
        yield return new string('x', 128);
        yield return new string('x', 129);
        yield return new string('x', 5000);
        yield return new string('x', 128) + "\"";
    }

    [TestCaseSource(nameof(UserIdsOfEveryKind))]
    public void Token_without_custom_claims_is_byte_for_byte_the_json_writers(string userId)
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));
        var none = new Dictionary<string, object?>();
        var before1970 = new DateTimeOffset(1960, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var farFuture = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero);

        Assert.Multiple(() =>
        {
            Assert.That(issuer.CreateUserToken(userId), Is.EqualTo(issuer.CreateUserToken(userId, claims: none)));
            Assert.That(issuer.CreateUserToken(userId, Now.AddHours(1)), Is.EqualTo(issuer.CreateUserToken(userId, Now.AddHours(1), claims: none)));
            Assert.That(issuer.CreateUserToken(userId, TimeSpan.FromMinutes(5)), Is.EqualTo(issuer.CreateUserToken(userId, TimeSpan.FromMinutes(5), none)));
            Assert.That(issuer.CreateUserToken(userId, farFuture, before1970), Is.EqualTo(issuer.CreateUserToken(userId, farFuture, before1970, none)));
            Assert.That(issuer.CreateUserToken(userId, before1970.AddSeconds(1), before1970), Is.EqualTo(issuer.CreateUserToken(userId, before1970.AddSeconds(1), before1970, none)));
            // A lone surrogate is written as U+FFFD, as the writer writes it.
            var encodable = System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(userId));
            Assert.That(Token.Parse(issuer.CreateUserToken(userId)).UserId, Is.EqualTo(encodable));
        });
    }

    [Test]
    public void Token_without_custom_claims_is_the_payload_as_written()
    {
        using var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));
        var iat = Now.ToUnixTimeSeconds();

        var token = Token.Parse(issuer.CreateUserToken("john-doe", Now.AddHours(1)));

        Assert.That(token.PayloadUtf8.ToArray(), Is.EqualTo(System.Text.Encoding.UTF8.GetBytes($$"""{"user_id":"john-doe","iat":{{iat}},"exp":{{iat + 3600}}}""")));
        Assert.That(new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = new FakeTimeProvider(Now) }).Validate(token.RawValue).IsValid, Is.True);
    }

    [Test]
    public void Disposed_issuer_refuses_to_sign_either_way()
    {
        var issuer = new UserTokenIssuer(TestKeys.Secret, new FakeTimeProvider(Now));
        issuer.Dispose();

        Assert.That(() => issuer.CreateUserToken("john"), Throws.InstanceOf<ObjectDisposedException>());
        Assert.That(() => issuer.CreateUserToken("john", claims: new Dictionary<string, object?>()), Throws.InstanceOf<ObjectDisposedException>());
    }
}
