using System.Threading.Tasks;
using SecretFix = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.ApiSecretLiteralAnalyzer,
    StreamChat.Analyzers.CodeFixes.ApiSecretLiteralCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>The SCHAT004 fix: the API secret leaves the source and is read from STREAM_API_SECRET.</summary>
public sealed class ApiSecretLiteralCodeFixProviderTests
{
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
