using System;
using System.Text;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

/// <summary>A token whose claims do not fit the record gets a typed error that names the claim and never shows the token.</summary>
public sealed class ClaimMismatchTests : SigningKeyTests
{
    [Test]
    public void A_missing_required_claim_is_a_MissingClaim_error_naming_it()
    {
        var token = TokenWith("""{"user_id":"ada"}""");

        var error = Assert.Throws<TokenFormatException>(() => Int32Claims.FromToken(token))!;

        Assert.That(error.Error, Is.EqualTo(TokenFormatError.MissingClaim));
        Assert.That(error.ClaimName, Is.EqualTo("level"));
        Assert.That(error.Message, Does.Contain("'level'").And.Contain(nameof(Int32Claims)));
        Assert.That(error.Message, Does.Not.Contain(token.RawValue.Split('.')[1]));
        Assert.That(Int32Claims.TryFromToken(token, out var claims), Is.False);
        Assert.That(claims, Is.Null);
    }

    [Test]
    public void A_missing_user_id_is_a_MissingClaim_error()
    {
        var error = Assert.Throws<TokenFormatException>(() => StringClaims.FromToken(TokenWith("""{"name":"x"}""")))!;

        Assert.That(error.ClaimName, Is.EqualTo("user_id"));
        Assert.That(error.Error, Is.EqualTo(TokenFormatError.MissingClaim));
    }

    [Test]
    public void The_anonymous_token_fits_no_claims_record()
    {
        Assert.That(StringClaims.TryFromToken(Token.Anonymous, out _), Is.False);
        Assert.That(StringClaims.TryFromToken(null, out _), Is.False);
        Assert.That(Assert.Throws<TokenFormatException>(() => StringClaims.FromToken(Token.Anonymous))!.ClaimName, Is.EqualTo("user_id"));
    }

    [Test]
    public void The_anonymous_token_is_refused_for_its_missing_user_id_even_when_another_claim_comes_first()
    {
        var error = Assert.Throws<TokenFormatException>(() => UserIdLastClaims.FromToken(Token.Anonymous))!;

        Assert.That(error.ClaimName, Is.EqualTo("user_id"));
        Assert.That(UserIdLastClaims.TryFromToken(Token.Anonymous, out _), Is.False);
    }

    [Test]
    public void A_token_missing_several_claims_is_refused_for_the_user_id_first() =>
        AssertMismatch<UserIdLastClaims>("""{"name":"x"}""", "user_id", TokenFormatError.MissingClaim);

    [Test]
    public void A_null_required_claim_counts_as_missing() =>
        AssertMismatch<StringClaims>("""{"user_id":"ada","name":null}""", "name", TokenFormatError.MissingClaim);

    [TestCase("""{"user_id":"ada","level":"high"}""", "level")]
    [TestCase("""{"user_id":"ada","level":3000000000}""", "level")]
    [TestCase("""{"user_id":"ada","level":1.5}""", "level")]
    [TestCase("""{"user_id":"ada","level":true}""", "level")]
    public void A_claim_of_the_wrong_JSON_type_is_an_InvalidClaimType_error_naming_it(string payload, string claim) =>
        AssertMismatch<Int32Claims>(payload, claim, TokenFormatError.InvalidClaimType);

    [TestCase("""{"user_id":"ada","is_admin":"yes"}""")]
    [TestCase("""{"user_id":"ada","is_admin":1}""")]
    public void A_boolean_claim_must_be_true_or_false(string payload) =>
        AssertMismatch<BooleanClaims>(payload, "is_admin", TokenFormatError.InvalidClaimType);

    [Test]
    public void A_guid_claim_must_be_a_guid_string() =>
        AssertMismatch<GuidClaims>("""{"user_id":"ada","tenant_id":"not-a-guid"}""", "tenant_id", TokenFormatError.InvalidClaimType);

    [TestCase("""{"user_id":"ada","member_since":"2020-01-01"}""")]
    [TestCase("""{"user_id":"ada","member_since":1e20}""")]
    public void A_date_claim_must_be_a_NumericDate_in_range(string payload) =>
        AssertMismatch<DateClaims>(payload, "member_since", TokenFormatError.InvalidClaimType);

    [Test]
    public void A_fractional_NumericDate_is_read_to_the_second()
    {
        var claims = DateClaims.FromToken(TokenWith("""{"user_id":"ada","member_since":1700000000.75}"""));

        Assert.That(claims.MemberSince, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000)));
    }

    [TestCase("""{"user_id":"ada","plan":"platinum"}""")]
    [TestCase("""{"user_id":"ada","plan":"Enterprise"}""")]
    [TestCase("""{"user_id":"ada","plan":2}""")]
    public void An_enum_claim_must_be_one_of_its_member_strings(string payload) =>
        AssertMismatch<EnumClaims>(payload, "plan", TokenFormatError.InvalidClaimType);

    [TestCase("""{"user_id":"ada","teams":"core","channels":[],"tags":[]}""", "teams")]
    [TestCase("""{"user_id":"ada","teams":[],"channels":["a",1],"tags":[]}""", "channels")]
    public void A_collection_claim_must_be_an_array_of_strings(string payload, string claim) =>
        AssertMismatch<CollectionClaims>(payload, claim, TokenFormatError.InvalidClaimType);

    [Test]
    public void Claims_the_record_does_not_declare_are_ignored()
    {
        var claims = Int32Claims.FromToken(TokenWith("""{"extra":{"nested":[1,{"deep":true}]},"user_id":"ada","role":"x","level":5,"iat":1700000000}"""));

        Assert.That(claims, Is.EqualTo(new Int32Claims("ada", 5)));
    }

    [Test]
    public void Claims_are_read_in_any_order_with_escaped_names_and_values()
    {
        var claims = StringClaims.FromToken(TokenWith("""{"n\u0061me":"caf\u00e9","user_id":"ad\"a"}"""));

        Assert.That(claims, Is.EqualTo(new StringClaims("ad\"a", "café")));
    }

    [Test]
    public void An_ill_typed_claim_is_reported_before_a_missing_one_and_the_first_in_the_payload_wins() =>
        AssertMismatch<CollectionClaims>("""{"channels":["a",1],"teams":"core"}""", "channels", TokenFormatError.InvalidClaimType);

    [Test]
    public void Of_a_claim_given_twice_the_last_counts()
    {
        Assert.That(Int32Claims.FromToken(TokenWith("""{"user_id":"ada","level":1,"level":7}""")), Is.EqualTo(new Int32Claims("ada", 7)));
        AssertMismatch<StringClaims>("""{"user_id":"ada","name":"x","name":null}""", "name", TokenFormatError.MissingClaim);
        AssertMismatch<Int32Claims>("""{"user_id":"ada","level":"x","level":1}""", "level", TokenFormatError.InvalidClaimType);
    }

    [Test]
    public void The_errors_say_what_the_claim_must_be()
    {
        Assert.That(Assert.Throws<TokenFormatException>(() => EnumClaims.FromToken(TokenWith("""{"user_id":"ada","plan":"gold"}""")))!.Message, Does.Contain("is not one of 'free', 'pro_team', 'ent', as EnumClaims requires"));
        Assert.That(Assert.Throws<TokenFormatException>(() => Int64Claims.FromToken(TokenWith("""{"user_id":"ada","credits":"1"}""")))!.Message, Does.Contain("is not a 64-bit integer"));
        Assert.That(Assert.Throws<TokenFormatException>(() => DateClaims.FromToken(TokenWith("""{"user_id":"ada","member_since":true}""")))!.Message, Does.Contain("is not a NumericDate (seconds since 1970-01-01)"));
    }

    private static void AssertMismatch<T>(string payload, string claim, TokenFormatError expected)
        where T : IClaimsRecord<T>
    {
        var token = TokenWith(payload);
        var error = Assert.Throws<TokenFormatException>(() => T.FromToken(token))!;

        Assert.That(error.Error, Is.EqualTo(expected));
        Assert.That(error.ClaimName, Is.EqualTo(claim));
        Assert.That(error.Message, Does.Contain($"'{claim}'"));
        Assert.That(error.Message, Does.Not.Contain(token.RawValue));
    }

    private static Token TokenWith(string payloadJson)
    {
        using var key = new JwtSigningKey(JwtAssert.Secret);
        return Token.Parse(key.Sign(Encoding.UTF8.GetBytes(payloadJson)));
    }
}
