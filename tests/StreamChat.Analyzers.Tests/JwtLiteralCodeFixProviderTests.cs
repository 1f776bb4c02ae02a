using System.Threading.Tasks;
using JwtFix = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.JwtLiteralAnalyzer,
    StreamChat.Analyzers.CodeFixes.JwtLiteralCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>The SCHAT003 fix: the token leaves the source and is read from an environment variable.</summary>
public sealed class JwtLiteralCodeFixProviderTests
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
}
