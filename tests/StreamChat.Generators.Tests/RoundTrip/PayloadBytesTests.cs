using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>
/// The payload a generated record signs is, byte for byte, what <see cref="Utf8JsonWriter"/> with the runtime's relaxed
/// encoder writes for the same claims, whether the runtime wrote the bytes itself (names, integers, booleans, GUIDs and
/// printable ASCII strings) or went back to the JSON writer (any other string, a double, a null).
/// </summary>
public sealed class PayloadBytesTests : SigningKeyTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 12, 7, 20, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static IEnumerable<TestCaseData> EveryAsciiCharacter() =>
        Enumerable.Range(0, 128).Select(c => new TestCaseData("a" + (char)c + "z").SetArgDisplayNames($"U+{c:X4}"));

    public static IEnumerable<TestCaseData> OtherStrings() => new[]
    {
        "",
        "Ada Lovelace – “Countess” 👩‍💻",
        "café",
        "<script>&'+`</script>",
        "\u2028\u2029",
        "\uD800 alone",
        new string('x', 2000),
        new string('é', 600),
    }.Select((s, i) => new TestCaseData(s).SetArgDisplayNames($"string{i}"));

    [TestCaseSource(nameof(EveryAsciiCharacter))]
    [TestCaseSource(nameof(OtherStrings))]
    public void A_string_claim_and_array_item_are_written_as_the_JSON_writer_writes_them(string value)
    {
        var claims = new NullableClaims("ada") { Nickname = value, Groups = ["first", value, "last"] };

        AssertPayload(claims.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", "ada");
            json.WriteString("nickname", value);
            json.WriteStartArray("groups");
            json.WriteStringValue("first");
            json.WriteStringValue(value);
            json.WriteStringValue("last");
            json.WriteEndArray();
        });
    }

    [TestCase("ada")]
    [TestCase("ådå")]
    public void Every_claim_type_is_written_as_the_JSON_writer_writes_it(string userId)
    {
        var claims = new NullableClaims(userId)
        {
            Nickname = "Ada",
            Verified = false,
            Level = int.MinValue,
            Credits = long.MaxValue,
            TenantId = Tenant,
            BannedUntil = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Plan = Plan.Enterprise,
            Groups = [],
        };

        AssertPayload(claims.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", userId);
            json.WriteString("nickname", "Ada");
            json.WriteBoolean("verified", false);
            json.WriteNumber("level", int.MinValue);
            json.WriteNumber("credits", long.MaxValue);
            json.WriteString("tenant_id", Tenant);
            json.WriteNumber("banned_until", 4102444800L);
            json.WriteString("plan", "ent");
            json.WriteStartArray("groups");
            json.WriteEndArray();
        });
    }

    [TestCase(0.1)]
    [TestCase(-12345.678)]
    [TestCase(1e300)]
    public void A_double_is_written_by_the_JSON_writer(double score)
    {
        var claims = new NullableClaims("ada") { Verified = true, Score = score, Level = 7 };

        AssertPayload(claims.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", "ada");
            json.WriteBoolean("verified", true);
            json.WriteNumber("level", 7);
            json.WriteNumber("score", score);
        });
    }

    [Test]
    public void A_null_array_item_is_written_as_JSON_null()
    {
        var claims = new NullableClaims("ada") { Groups = ["a", null!, "b"] };

        AssertPayload(claims.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", "ada");
            json.WriteStartArray("groups");
            json.WriteStringValue("a");
            json.WriteNullValue();
            json.WriteStringValue("b");
            json.WriteEndArray();
        });
    }

    [Test]
    public void Claim_names_that_need_escaping_are_written_as_the_JSON_writer_writes_them()
    {
        var claims = new EscapedNameClaims("ada", "p", "c", "q");

        AssertPayload(claims.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", "ada");
            json.WriteString("a+b", "p");
            json.WriteString("café", "c");
            json.WriteString("say \"hi\"", "q");
        });
    }

    [TestCase("ada")]
    [TestCase("ådå")]
    public void A_development_token_holds_the_same_claims_without_times(string userId)
    {
        var claims = new NullableClaims(userId) { Level = 3, Groups = ["x"] };

        var payload = Payload(claims.ToDevelopmentToken().RawValue);

        Assert.That(payload, Is.EqualTo(Expected(json =>
        {
            json.WriteString("user_id", userId);
            json.WriteNumber("level", 3);
            json.WriteStartArray("groups");
            json.WriteStringValue("x");
            json.WriteEndArray();
        }, withTimes: false)));
    }

    [Test]
    public void A_claim_that_fails_midway_leaves_the_thread_s_writer_usable()
    {
        // The undefined enum value throws after the user id and level were written directly.
        Assert.That(() => new NullableClaims("ada") { Level = 1, Plan = (Plan)42 }.SignCompact(Key, Lifetime, IssuedAt), Throws.InstanceOf<ArgumentOutOfRangeException>());

        AssertPayload(new NullableClaims("bob") { Level = 2 }.SignCompact(Key, Lifetime, IssuedAt), json =>
        {
            json.WriteString("user_id", "bob");
            json.WriteNumber("level", 2);
        });
    }

    [TestCase("1969-12-31T23:59:59.5000000+00:00", 7_000_000L)]
    [TestCase("1970-01-01T00:00:00.9999999+02:00", 1L)]
    [TestCase("2026-12-07T20:00:00.2500000-05:00", 36_000_000_000L)]
    [TestCase("0001-01-01T00:00:00.0000000+00:00", 10_000_000L)]
    [TestCase("9999-12-31T23:00:00.0000000+00:00", 35_999_999_999L)]
    public void The_times_are_whole_seconds_as_ToUnixTimeSeconds_counts_them(string issued, long lifetimeTicks)
    {
        var issuedAt = DateTimeOffset.Parse(issued, System.Globalization.CultureInfo.InvariantCulture);
        var lifetime = TimeSpan.FromTicks(lifetimeTicks);

        var payload = Payload(new NullableClaims("ada").SignCompact(Key, lifetime, issuedAt));

        Assert.That(payload, Is.EqualTo($"{{\"user_id\":\"ada\",\"iat\":{issuedAt.ToUnixTimeSeconds()},\"exp\":{(issuedAt + lifetime).ToUnixTimeSeconds()}}}"));
    }

    [Test]
    public void A_token_that_would_expire_after_9999_is_refused_with_the_lifetime_named()
    {
        var issuedAt = new DateTimeOffset(9999, 12, 31, 23, 0, 0, TimeSpan.Zero);

        Assert.That(
            () => new NullableClaims("ada").SignCompact(Key, TimeSpan.FromHours(1), issuedAt),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property(nameof(ArgumentException.ParamName)).EqualTo("lifetime"));
    }

    private static void AssertPayload(string token, Action<Utf8JsonWriter> claims)
    {
        Assert.That(JwtAssert.IsSignedWithSecret(new Token(token)), Is.True);
        Assert.That(Payload(token), Is.EqualTo(Expected(claims, withTimes: true)));
    }

    private static string Payload(string token) =>
        System.Text.Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(token.Split('.')[1]));

    private static string Expected(Action<Utf8JsonWriter> claims, bool withTimes)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            claims(json);
            if (withTimes)
            {
                json.WriteNumber("iat", IssuedAt.ToUnixTimeSeconds());
                json.WriteNumber("exp", (IssuedAt + Lifetime).ToUnixTimeSeconds());
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
