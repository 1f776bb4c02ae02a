using System.Threading.Tasks;
using JwtFix = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.JwtLiteralAnalyzer,
    StreamChat.Analyzers.CodeFixes.JwtLiteralCodeFixProvider>;
using SecretFix = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.ApiSecretLiteralAnalyzer,
    StreamChat.Analyzers.CodeFixes.ApiSecretLiteralCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>The SCHAT003 and SCHAT004 fixes: the credential leaves the source and is read from the environment.</summary>
public sealed class CredentialCodeFixProviderTests
{
    private const string Jwt = JwtLiteralAnalyzerTests.DevelopmentJwt;

    [Test]
    public Task Jwt_literal_becomes_an_environment_variable_named_after_the_variable() => JwtFix.VerifyAsync(
        $$"""
        using System;
        class C
        {
            string M()
            {
                var userToken = {|SCHAT003:"{{Jwt}}"|};
                return userToken;
            }
        }
        """,
        """
        using System;
        class C
        {
            string M()
            {
                var userToken = Environment.GetEnvironmentVariable("STREAM_USER_TOKEN") ?? throw new InvalidOperationException("Set the STREAM_USER_TOKEN environment variable.");
                return userToken;
            }
        }
        """);

    [Test]
    public Task Jwt_literal_inside_an_expression_keeps_its_precedence() => JwtFix.VerifyAsync(
        $$"""
        using StreamChat;
        class C
        {
            Token M() => Token.Parse({|SCHAT003:"{{Jwt}}"|});
            string N() => "Bearer " + {|SCHAT003:"{{Jwt}}"|};
        }
        """,
        """
        using StreamChat;
        class C
        {
            Token M() => Token.Parse(System.Environment.GetEnvironmentVariable("STREAM_CHAT_TOKEN") ?? throw new System.InvalidOperationException("Set the STREAM_CHAT_TOKEN environment variable."));
            string N() => "Bearer " + (System.Environment.GetEnvironmentVariable("STREAM_CHAT_TOKEN") ?? throw new System.InvalidOperationException("Set the STREAM_CHAT_TOKEN environment variable."));
        }
        """);

    [Test]
    public Task Jwt_literal_where_a_constant_is_required_gets_no_fix() => JwtFix.VerifyAsync(
        $$"""
        class C
        {
            const string Token = {|SCHAT003:"{{Jwt}}"|};
            string M(string value) => value switch { {|SCHAT003:"{{Jwt}}"|} => "known", _ => value };
            string N() => {|SCHAT003:"Bearer {{Jwt}}"|};
        }
        """,
        $$"""
        class C
        {
            const string Token = {|SCHAT003:"{{Jwt}}"|};
            string M(string value) => value switch { {|SCHAT003:"{{Jwt}}"|} => "known", _ => value };
            string N() => {|SCHAT003:"Bearer {{Jwt}}"|};
        }
        """);

    [Test]
    public Task Secret_constant_is_replaced_by_the_STREAM_API_SECRET_variable() => SecretFix.VerifyAsync(
        """
        using System;
        using StreamChat.Jwt;
        class C
        {
            const string Secret = "0123456789abcdef0123456789abcdef";
            JwtSigningKey A() => new JwtSigningKey({|SCHAT004:"0123456789abcdef0123456789abcdef"|});
            JwtSigningKey B() => new JwtSigningKey({|SCHAT004:secret: Secret|});
        }
        """,
        """
        using System;
        using StreamChat.Jwt;
        class C
        {
            const string Secret = "0123456789abcdef0123456789abcdef";
            JwtSigningKey A() => new JwtSigningKey(Environment.GetEnvironmentVariable("STREAM_API_SECRET") ?? throw new InvalidOperationException("Set the STREAM_API_SECRET environment variable."));
            JwtSigningKey B() => new JwtSigningKey(secret: Environment.GetEnvironmentVariable("STREAM_API_SECRET") ?? throw new InvalidOperationException("Set the STREAM_API_SECRET environment variable."));
        }
        """);
}
