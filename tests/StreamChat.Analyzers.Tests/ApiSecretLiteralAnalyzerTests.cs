using System.Threading.Tasks;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.AnalyzerVerifier<StreamChat.Analyzers.ApiSecretLiteralAnalyzer>;

namespace StreamChat.Analyzers.Tests;

/// <summary>SCHAT004: constants passed to parameters marked [ApiSecret], and values read at run time that are fine.</summary>
public sealed class ApiSecretLiteralAnalyzerTests
{
    [Test]
    public Task Literal_secret_passed_to_the_signing_key_is_flagged() => Verifier.VerifyAsync("""
        using StreamChat.Jwt;
        class C
        {
            JwtSigningKey M() => new JwtSigningKey({|SCHAT004:"0123456789abcdef0123456789abcdef"|});
        }
        """);

    [Test]
    public Task Constant_and_constant_expression_secrets_are_flagged() => Verifier.VerifyAsync("""
        using StreamChat.Jwt;
        class C
        {
            const string Secret = "0123456789abcdef0123456789abcdef";
            JwtSigningKey A() => new JwtSigningKey({|SCHAT004:Secret|});
            JwtSigningKey B() => new JwtSigningKey({|SCHAT004:Secret + "-v2"|});
            JwtSigningKey D()
            {
                const string local = "0123456789abcdef0123456789abcdef";
                return new JwtSigningKey({|SCHAT004:secret: local|});
            }
        }
        """);

    [Test]
    public Task Literal_secrets_passed_to_the_server_issuer_and_validator_are_flagged() => Verifier.VerifyAsync("""
        using StreamChat.Server;
        class C
        {
            UserTokenIssuer A() => new UserTokenIssuer({|SCHAT004:"0123456789abcdef0123456789abcdef"|});
            TokenValidator B() => new TokenValidator({|SCHAT004:apiSecret: "0123456789abcdef0123456789abcdef"|});
        }
        """);

    [Test]
    public Task User_api_with_the_marker_is_flagged() => Verifier.VerifyAsync("""
        using StreamChat.Annotations;
        static class MyIssuer
        {
            public static string Issue(string userId, [ApiSecret] string secret) => userId;
        }
        class C
        {
            string M() => MyIssuer.Issue("john", {|SCHAT004:"0123456789abcdef0123456789abcdef"|});
        }
        """);

    [Test]
    public Task Secrets_read_at_run_time_and_unmarked_parameters_are_not_flagged() => Verifier.VerifyAsync("""
        using System;
        using StreamChat.Jwt;
        class C
        {
            static readonly string Loaded = Environment.GetEnvironmentVariable("STREAM_API_SECRET")!;
            JwtSigningKey A() => new JwtSigningKey(Environment.GetEnvironmentVariable("STREAM_API_SECRET")!);
            JwtSigningKey B(string secret) => new JwtSigningKey(secret);
            JwtSigningKey D() => new JwtSigningKey(Loaded);
            JwtSigningKey E() => new JwtSigningKey((string)null!);
            string F() => string.Concat("0123456789abcdef0123456789abcdef", "x");
        }
        """);
}
