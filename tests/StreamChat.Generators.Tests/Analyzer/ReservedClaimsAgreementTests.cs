using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StreamChat.Generators.Tests.Infrastructure;
using StreamChat.Jwt;
using StreamChat.Server;
using RuntimeList = StreamChat.Jwt.ReservedClaims;

namespace StreamChat.Generators.Tests.Analyzer;

/// <summary>
/// The reserved claims are one list (<c>src/Shared/ReservedClaims.cs</c>, compiled into the runtime and the generator):
/// the generator's SCHAT106 rule, the issuer's custom claims and the validator each refuse every name in it.
/// </summary>
public sealed class ReservedClaimsAgreementTests
{
    private const string Secret = "a-test-secret-that-is-at-least-32-bytes-long";

    private static IEnumerable<string> Names => RuntimeList.All;

    [Test]
    public void The_generator_compiles_the_same_list_as_the_runtime()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Parsing.ReservedClaims.All, Is.EqualTo(RuntimeList.All));
            Assert.That(RuntimeList.All, Is.EquivalentTo(new[] { "user_id", "exp", "iat", "nbf", "server" }));
        });
    }

    [TestCaseSource(nameof(Names))]
    public void A_claims_record_cannot_map_a_property_to_a_reserved_claim(string name)
    {
        var compilation = TestCompilation.Create($$"""
            using StreamChat.Claims;
            [TokenClaims]
            public partial record ChatClaims(string UserId)
            {
                [Claim("{{name}}")]
                public string? Extra { get; init; }
            }
            """);

        var (diagnostics, _) = GeneratorRunner.Analyze(compilation);

        Assert.Multiple(() =>
        {
            Assert.That(diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "SCHAT106" }));
            Assert.That(diagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), Does.Contain($"reserved claim '{name}'"));
            Assert.That(GeneratorRunner.Run(compilation).Sources, Is.Empty);
        });
    }

    [TestCaseSource(nameof(Names))]
    public void The_issuer_refuses_a_reserved_claim_among_the_custom_claims(string name)
    {
        using var issuer = new UserTokenIssuer(Secret);

        Assert.That(
            () => issuer.CreateUserToken("john", claims: new Dictionary<string, object?> { [name] = true }),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("claims").And.Message.Contains($"'{name}'"));
    }

    [TestCaseSource(nameof(Names))]
    public void The_validator_refuses_a_token_that_has_a_reserved_claim_twice(string name)
    {
        using var key = new JwtSigningKey(Secret);
        var validator = new TokenValidator(Secret);
        var value = name switch
        {
            RuntimeList.UserId => "\"john\"",
            RuntimeList.Server => "true",
            RuntimeList.ExpiresAt => "4000000000",
            _ => "1000000000",
        };
        var user = name is RuntimeList.UserId or RuntimeList.Server ? string.Empty : "\"user_id\":\"john\",";
        var claim = $"\"{name}\":{value}";

        var once = validator.Validate(key.Sign(Encoding.UTF8.GetBytes($"{{{user}{claim}}}")));
        var twice = validator.Validate(key.Sign(Encoding.UTF8.GetBytes($"{{{user}{claim},{claim}}}")));

        Assert.Multiple(() =>
        {
            Assert.That(once.IsValid, Is.True, once.Message);
            Assert.That(twice.ErrorCode, Is.EqualTo(StreamErrorCode.AuthenticationFailed), twice.Message);
        });
    }
}
