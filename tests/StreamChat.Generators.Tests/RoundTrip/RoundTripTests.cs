using System;
using System.Collections.Generic;
using System.Text.Json;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>
/// Sign → FromToken gives back an equal record for every supported claim type, and Microsoft's JWT handler accepts the
/// signed token and reads the same claim values.
/// </summary>
public sealed class RoundTripTests : SigningKeyTests
{
    private static readonly DateTimeOffset IssuedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    [Test]
    public void String_claim_round_trips() =>
        AssertRoundTrip(new StringClaims("ada", "Ada Lovelace – “Countess” 👩‍💻"), "name", "\"Ada Lovelace – “Countess” 👩‍💻\"");

    [TestCase(true, "true")]
    [TestCase(false, "false")]
    public void Boolean_claim_round_trips(bool value, string json) =>
        AssertRoundTrip(new BooleanClaims("ada", value), "is_admin", json);

    [TestCase(int.MinValue, "-2147483648")]
    [TestCase(0, "0")]
    [TestCase(int.MaxValue, "2147483647")]
    public void Int32_claim_round_trips(int value, string json) =>
        AssertRoundTrip(new Int32Claims("ada", value), "level", json);

    [TestCase(long.MinValue, "-9223372036854775808")]
    [TestCase(4_102_444_800_123L, "4102444800123")]
    [TestCase(long.MaxValue, "9223372036854775807")]
    public void Int64_claim_round_trips(long value, string json) =>
        AssertRoundTrip(new Int64Claims("ada", value), "credits", json);

    [TestCase(0.1, "0.1")]
    [TestCase(-12345.678, "-12345.678")]
    [TestCase(1e300, "1e300")]
    public void Double_claim_round_trips(double value, string json) =>
        AssertRoundTrip(new DoubleClaims("ada", value), "score", json);

    [Test]
    public void Guid_claim_round_trips_as_a_string() =>
        AssertRoundTrip(new GuidClaims("ada", Tenant), "tenant_id", "\"0f8fad5b-d9cb-469f-a165-70867728950e\"");

    [Test]
    public void DateTimeOffset_claim_round_trips_as_a_NumericDate_beyond_2038() =>
        AssertRoundTrip(new DateClaims("ada", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)), "member_since", "4102444800");

    [TestCase(Plan.Free, "\"free\"")]
    [TestCase(Plan.ProTeam, "\"pro_team\"")]
    [TestCase(Plan.Enterprise, "\"ent\"")]
    public void Enum_claim_round_trips_as_its_snake_case_or_renamed_string(Plan plan, string json) =>
        AssertRoundTrip(new EnumClaims("ada", plan), "plan", json);

    [Test]
    public void String_collection_claims_round_trip_as_arrays()
    {
        var claims = new CollectionClaims("ada", ["core", "web"], ["general", "random"], []);
        AssertRoundTrip(claims, "teams", "[\"core\",\"web\"]");
        AssertRoundTrip(claims, "channels", "[\"general\",\"random\"]");
        AssertRoundTrip(claims, "tags", "[]");
    }

    [Test]
    public void Nullable_claims_with_values_round_trip()
    {
        var claims = new NullableClaims("ada")
        {
            Nickname = "ada",
            Verified = true,
            Level = 7,
            Credits = 9_000_000_000,
            Score = 2.5,
            TenantId = Tenant,
            BannedUntil = new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero),
            Plan = Plan.ProTeam,
            Groups = ["a", "b"],
        };

        AssertRoundTrip(claims, "nickname", "\"ada\"");
        AssertRoundTrip(claims, "verified", "true");
        AssertRoundTrip(claims, "level", "7");
        AssertRoundTrip(claims, "credits", "9000000000");
        AssertRoundTrip(claims, "score", "2.5");
        AssertRoundTrip(claims, "tenant_id", "\"0f8fad5b-d9cb-469f-a165-70867728950e\"");
        AssertRoundTrip(claims, "banned_until", "1906545600");
        AssertRoundTrip(claims, "plan", "\"pro_team\"");
        AssertRoundTrip(claims, "groups", "[\"a\",\"b\"]");
    }

    [Test]
    public void Null_claims_are_left_out_of_the_token_and_read_back_as_null()
    {
        var claims = new NullableClaims("ada");

        var token = claims.Sign(Key, TimeSpan.FromHours(1), IssuedAt);
        var payload = JwtAssert.ValidatedPayload(token);

        Assert.That(NullableClaims.FromToken(token), Is.EqualTo(claims));
        var names = new List<string>();
        foreach (var property in payload.EnumerateObject())
        {
            names.Add(property.Name);
        }

        Assert.That(names, Is.EquivalentTo(new[] { "user_id", "iat", "exp" }));
    }

    [Test]
    public void Renamed_claims_and_a_marked_user_id_round_trip()
    {
        var claims = new RenamedClaims { Id = "ada", ChatRole = "admin" };
        AssertRoundTrip(claims, "role", "\"admin\"");
        AssertRoundTrip(claims, "user_id", "\"ada\"");
    }

    [Test]
    public void Attributes_on_primary_constructor_parameters_rename_and_mark_the_user_id()
    {
        var claims = new ParameterAttributeClaims("ada", 9);
        AssertRoundTrip(claims, "user_id", "\"ada\"");
        AssertRoundTrip(claims, "lvl", "9");
    }

    [Test]
    public void Record_struct_round_trips() =>
        AssertRoundTrip(new StructClaims("ada", 3, "core"), "team", "\"core\"");

    [Test]
    public void Sign_writes_iat_and_exp_from_the_issue_time_and_lifetime()
    {
        var token = new Int32Claims("ada", 1).Sign(Key, TimeSpan.FromMinutes(30), IssuedAt);

        Assert.That(token.IssuedAt, Is.EqualTo(IssuedAt));
        Assert.That(token.ExpiresAt, Is.EqualTo(IssuedAt.AddMinutes(30)));
        Assert.That(token.UserId, Is.EqualTo("ada"));
        Assert.That(JwtAssert.IsSignedWithSecret(token), Is.True);
    }

    [Test]
    public void Claim_names_outside_plain_ASCII_are_escaped_by_the_payload_writer_as_before_pre_encoding()
    {
        // Plain names are pre-encoded (JsonEncodedText, whose default encoder would escape '+' and 'é'); these are not.
        var claims = new EscapedNameClaims("ada", "p", "c", "q");

        var token = claims.Sign(Key, TimeSpan.FromMinutes(5), IssuedAt);

        var payload = System.Text.Encoding.UTF8.GetString(token.PayloadUtf8);
        Assert.That(payload, Does.StartWith("""{"user_id":"ada","a+b":"p","café":"c","say \"hi\"":"q","""));
        Assert.That(EscapedNameClaims.FromToken(token), Is.EqualTo(claims));
    }

    [Test]
    public void A_claim_name_with_a_surrogate_pair_is_written_and_read_back()
    {
        var claims = new SurrogateNameClaims("ada", "happy", null);

        var token = claims.Sign(Key, TimeSpan.FromMinutes(5), IssuedAt);

        Assert.That(System.Text.Encoding.UTF8.GetString(token.PayloadUtf8), Does.StartWith("""{"user_id":"ada","mood\uD83D\uDE00":"happy","""));
        Assert.That(SurrogateNameClaims.FromToken(token), Is.EqualTo(claims));
    }

    [Test]
    public void A_claim_name_with_a_lone_surrogate_fails_only_when_that_claim_is_written()
    {
        // The record is usable: its table was made, the claim is left out when null and absent when read.
        Assert.That(SurrogateNameClaims.FromToken(new SurrogateNameClaims("ada", null, null).Sign(Key, TimeSpan.FromMinutes(5), IssuedAt)), Is.EqualTo(new SurrogateNameClaims("ada", null, null)));

        Assert.Throws<ArgumentException>(() => new SurrogateNameClaims("ada", null, "x").Sign(Key, TimeSpan.FromMinutes(5), IssuedAt));
    }

    [Test]
    public void SignCompact_gives_the_same_token_string_as_Sign()
    {
        var claims = new NullableClaims("ada") { Level = 2, Groups = ["g"] };

        Assert.That(claims.SignCompact(Key, TimeSpan.FromMinutes(5), IssuedAt), Is.EqualTo(claims.Sign(Key, TimeSpan.FromMinutes(5), IssuedAt).RawValue));
    }

    [Test]
    public void Sign_rejects_a_lifetime_that_is_not_positive()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Int32Claims("ada", 1).Sign(Key, TimeSpan.Zero, IssuedAt));
    }

    [Test]
    public void ToDevelopmentToken_carries_every_claim_and_reads_back_equal()
    {
        var claims = new NullableClaims("ada") { Level = 4, Plan = Plan.Enterprise, Groups = ["x"] };

        var token = claims.ToDevelopmentToken();

        Assert.That(token.IsDevelopment, Is.True);
        Assert.That(token.RawValue, Does.EndWith(".devtoken"));
        Assert.That(token.UserId, Is.EqualTo("ada"));
        Assert.That(NullableClaims.FromToken(Token.Parse(token.RawValue)), Is.EqualTo(claims));
    }

    private void AssertRoundTrip<T>(T claims, string claimName, string expectedJson)
        where T : IClaimsRecord<T>
    {
        var token = claims.Sign(Key, TimeSpan.FromHours(1), IssuedAt);

        Assert.That(T.FromToken(Token.Parse(token.RawValue)), Is.EqualTo(claims));

        var payload = JwtAssert.ValidatedPayload(token);
        using var expected = JsonDocument.Parse(expectedJson);
        Assert.That(payload.TryGetProperty(claimName, out var actual), Is.True, $"the validated token has a '{claimName}' claim");
        Assert.That(JsonElement.DeepEquals(actual, expected.RootElement), Is.True, $"'{claimName}' is {actual.GetRawText()}, expected {expectedJson}");
        Assert.That(payload.GetProperty("user_id").GetString(), Is.Not.Null.And.Not.Empty);
    }
}
