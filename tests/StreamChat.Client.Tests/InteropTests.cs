using System;
using System.Collections.Generic;
using System.IdentityModel.Tokens.Jwt;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using StreamChat.Jwt;
using StreamChat.Server;

namespace StreamChat.Client.Tests;

/// <summary>Our tokens and the IdentityModel libraries' tokens, read and validated by each other.</summary>
public class InteropTests
{
    private static readonly string Secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(40));

    private static TokenValidationParameters Parameters => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)),
        ValidateIssuer = false,
        ValidateAudience = false,
        ValidateLifetime = true,
        RequireExpirationTime = false,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
    };

    public static IEnumerable<TestCaseData> IssuedTokens()
    {
        using var issuer = new UserTokenIssuer(Secret);
        yield return new TestCaseData(issuer.CreateUserToken("john"), "john").SetName("user token without exp");
        yield return new TestCaseData(issuer.CreateUserToken("jane", TimeSpan.FromHours(1)), "jane").SetName("user token with exp");
        yield return new TestCaseData(issuer.CreateUserToken("üñî \"q\" 用户", TimeSpan.FromHours(1), new Dictionary<string, object?> { ["role"] = "admin" }), "üñî \"q\" 用户").SetName("unicode user with custom claims");
        yield return new TestCaseData(issuer.CreateUserToken("late", new DateTimeOffset(2200, 1, 1, 0, 0, 0, TimeSpan.Zero)), "late").SetName("exp after 2038");
        yield return new TestCaseData(issuer.CreateServerToken(), null).SetName("server token");
    }

    [TestCaseSource(nameof(IssuedTokens))]
    public void Issued_token_validates_with_JwtSecurityTokenHandler(string token, string? userId)
    {
        var handler = new JwtSecurityTokenHandler { MapInboundClaims = false };

        var principal = handler.ValidateToken(token, Parameters, out var validated);

        Assert.Multiple(() =>
        {
            Assert.That(((JwtSecurityToken)validated).Header.Alg, Is.EqualTo("HS256"));
            Assert.That(principal.FindFirst("user_id")?.Value, Is.EqualTo(userId));
            Assert.That(Token.Parse(token).UserId, Is.EqualTo(userId));
        });
    }

    [TestCaseSource(nameof(IssuedTokens))]
    public async Task Issued_token_validates_with_JsonWebTokenHandler(string token, string? userId)
    {
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, Parameters);

        Assert.That(result.IsValid, Is.True, result.Exception?.Message);
        Assert.That(result.Claims.TryGetValue("user_id", out var claim) ? claim : null, Is.EqualTo(userId));
    }

    [Test]
    public void Expiry_written_by_us_is_the_expiry_JwtSecurityTokenHandler_reads()
    {
        using var issuer = new UserTokenIssuer(Secret);
        var exp = new DateTimeOffset(2100, 3, 4, 5, 6, 7, TimeSpan.Zero);

        var read = new JwtSecurityTokenHandler().ReadJwtToken(issuer.CreateUserToken("john", exp));

        Assert.That(read.ValidTo, Is.EqualTo(exp.UtcDateTime));
    }

    [Test]
    public void Token_made_by_JwtSecurityTokenHandler_parses()
    {
        var now = DateTime.UtcNow;
        var jwt = new JwtSecurityToken(
            claims: [new Claim("user_id", "john"), new Claim("role", "admin")],
            notBefore: now.AddMinutes(-1),
            expires: now.AddHours(1),
            signingCredentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256));
        var raw = new JwtSecurityTokenHandler().WriteToken(jwt);

        var token = Token.Parse(raw);

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo("john"));
            Assert.That(token.ExpiresAt, Is.EqualTo(new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero)));
            Assert.That(token.NotBefore, Is.EqualTo(new DateTimeOffset(jwt.ValidFrom, TimeSpan.Zero)));
            Assert.That(token.TryGetClaim("role", out var role) ? role.GetString() : null, Is.EqualTo("admin"));
        });
    }

    [Test]
    public void Token_made_by_JsonWebTokenHandler_parses_and_passes_our_validator()
    {
        var now = DateTime.UtcNow;
        var raw = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["user_id"] = "jane" },
            IssuedAt = now.AddSeconds(-5),
            NotBefore = now.AddSeconds(-5),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)), SecurityAlgorithms.HmacSha256),
        });

        var token = Token.Parse(raw);
        var verdict = new TokenValidator(Secret).Validate(raw);

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo("jane"));
            Assert.That(token.IssuedAt, Is.Not.Null);
            Assert.That(verdict.IsValid, Is.True, verdict.Message);
        });
    }

    [TestCase("john-doe")]
    [TestCase("a")]
    [TestCase("ab")]
    [TestCase("user with spaces and ünïcode")]
    public void Development_token_of_other_sdks_with_standard_padded_base64_parses(string userId)
    {
        // What the JavaScript and Swift SDKs build: standard base64 (with '+', '/' and '=' padding) of the JSON payload.
        var payload = Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"user_id":"{{userId}}"}"""));
        var raw = $"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.{payload}.devtoken";

        var token = Token.Parse(raw);

        Assert.Multiple(() =>
        {
            Assert.That(token.UserId, Is.EqualTo(userId));
            Assert.That(token.IsDevelopment, Is.True);
        });
    }

    [Test]
    public void Development_token_with_unpadded_base64url_parses()
    {
        var raw = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + TokenTests.Base64Url(Encoding.UTF8.GetBytes("""{"user_id":"a?>b"}""")) + ".devtoken";

        Assert.That(Token.Parse(raw).UserId, Is.EqualTo("a?>b"));
        Assert.That(raw, Does.Not.Contain("="));
    }

    [Test]
    public void Our_development_token_is_read_by_JwtSecurityTokenHandler()
    {
        var read = new JwtSecurityTokenHandler { MapInboundClaims = false }.ReadJwtToken(Token.Development("john-doe").RawValue);

        Assert.That(read.Claims.Single(c => c.Type == "user_id").Value, Is.EqualTo("john-doe"));
    }

    [Test]
    public void Signing_key_output_is_accepted_by_JsonWebTokenHandler_with_arbitrary_payload()
    {
        using var key = new JwtSigningKey(Secret);
        var raw = key.Sign("""{"user_id":"x","nested":{"a":[1,2,{"b":null}]}}"""u8);

        var read = new JsonWebToken(raw);

        Assert.That(read.GetClaim("user_id").Value, Is.EqualTo("x"));
    }
}
