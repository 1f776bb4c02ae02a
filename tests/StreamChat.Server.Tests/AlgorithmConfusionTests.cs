using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace StreamChat.Server.Tests;

/// <summary>Tokens that claim another algorithm than HS256 are refused, whoever signed them.</summary>
public class AlgorithmConfusionTests
{
    private static string Segment(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [Test]
    public void Unsigned_alg_none_token_is_refused()
    {
        var token = $"{Segment("""{"alg":"none","typ":"JWT"}""")}.{Segment("""{"user_id":"admin"}""")}.";

        var result = new TokenValidator(TestKeys.Secret).Validate(token);

        Assert.That(result.IsValid, Is.False);
        Assert.That(result.ErrorCode, Is.AnyOf(StreamErrorCode.AuthenticationFailed, StreamErrorCode.TokenSignatureInvalid));
    }

    [Test]
    public void Token_signed_with_HS512_and_the_right_secret_is_refused()
    {
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["user_id"] = "john" },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(TestKeys.Secret)), SecurityAlgorithms.HmacSha512),
        });

        var result = new TokenValidator(TestKeys.Secret).Validate(token);

        Assert.That(result.IsValid, Is.False);
    }

    [Test]
    public void Header_claiming_HS256_with_an_HS512_signature_is_refused()
    {
        var signingInput = $"{Segment("""{"alg":"HS256","typ":"JWT"}""")}.{Segment("""{"user_id":"john"}""")}";
        var mac = HMACSHA512.HashData(Encoding.UTF8.GetBytes(TestKeys.Secret), Encoding.ASCII.GetBytes(signingInput));
        var token = signingInput + "." + Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var result = new TokenValidator(TestKeys.Secret).Validate(token);

        Assert.That(result.ErrorCode, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
    }
}
