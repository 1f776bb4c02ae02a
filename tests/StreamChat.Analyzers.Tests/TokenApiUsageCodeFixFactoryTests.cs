using System.Threading.Tasks;
using StreamChat.Analyzers.Tests.Infrastructure;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.TokenApiUsageAnalyzer,
    StreamChat.Analyzers.CodeFixes.TokenApiUsageCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// Which closure the SCHAT001/SCHAT002 fix writes: a generated <c>XTokenProvider</c> stays typed (its closure checks the
/// claims), a user's own marked wrapper gets no fix, and credentials in a statement moved under <c>#if DEBUG</c> are
/// read from the environment as the SCHAT003/SCHAT004 fixes would.
/// </summary>
public sealed class TokenApiUsageCodeFixFactoryTests
{
    private const string Records = """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId);

        public static partial class Outer
        {
            [TokenClaims]
            public partial record Nested(string UserId);
        }
        """;

    private const string Jwt = JwtLiteralAnalyzerTests.DevelopmentJwt;

    [Test]
    public Task Generated_static_and_development_factories_become_their_own_typed_closure() => VerifyWithRecordsAsync(
        """
        using StreamChat;
        using MyApp;
        class C
        {
            TokenProvider[] M(Token token)
            {
                var typedStatic = {|SCHAT002:ChatClaimsTokenProvider.Static(token)|};
                var typedDevelopment = {|SCHAT001:ChatClaimsTokenProvider.Development(new ChatClaims("john"))|};
                var nested = {|SCHAT001:Outer.NestedTokenProvider.Development(new Outer.Nested("jane"))|};
                var viaToken = {|SCHAT002:ChatClaimsTokenProvider.Static({|SCHAT001:new ChatClaims("joe").ToDevelopmentToken()|})|};
                return new[] { typedStatic, typedDevelopment, nested, viaToken };
            }
        }
        """,
        """
        using StreamChat;
        using MyApp;
        class C
        {
            TokenProvider[] M(Token token)
            {
                #if DEBUG
                var typedStatic = ChatClaimsTokenProvider.Static(token);
                #else
                var typedStatic = ChatClaimsTokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                #if DEBUG
                var typedDevelopment = ChatClaimsTokenProvider.Development(new ChatClaims("john"));
                #else
                var typedDevelopment = ChatClaimsTokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                #if DEBUG
                var nested = Outer.NestedTokenProvider.Development(new Outer.Nested("jane"));
                #else
                var nested = Outer.NestedTokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                #if DEBUG
                var viaToken = ChatClaimsTokenProvider.Static(new ChatClaims("joe").ToDevelopmentToken());
                #else
                var viaToken = ChatClaimsTokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                return new[] { typedStatic, typedDevelopment, nested, viaToken };
            }
        }
        """);

    [Test]
    public Task Untyped_static_provider_of_a_typed_development_token_stays_untyped() => VerifyWithRecordsAsync(
        """
        using StreamChat;
        using MyApp;
        class C
        {
            TokenProvider M() => {|SCHAT002:TokenProvider.Static({|SCHAT001:new ChatClaims("joe").ToDevelopmentToken()|})|};
        }
        """,
        """
        using StreamChat;
        using MyApp;
        class C
        {
            #if DEBUG
            TokenProvider M() => TokenProvider.Static(new ChatClaims("joe").ToDevelopmentToken());
            #else
            TokenProvider M() => TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
            #endif
        }
        """);

    [Test]
    public Task Call_of_a_users_own_marked_wrapper_gets_no_fix() => Verifier.VerifyAsync(
        """
        using StreamChat;
        using StreamChat.Annotations;
        static class Connect
        {
            [DevelopmentTokenApi]
            public static TokenProvider AsDemoUser() => TokenProvider.Development("demo");

            public static TokenProvider M() => {|SCHAT001:AsDemoUser()|};
        }
        """,
        """
        using StreamChat;
        using StreamChat.Annotations;
        static class Connect
        {
            [DevelopmentTokenApi]
            public static TokenProvider AsDemoUser() => TokenProvider.Development("demo");

            public static TokenProvider M() => {|SCHAT001:AsDemoUser()|};
        }
        """);

    [Test]
    public Task Jwt_and_secret_literals_in_the_debug_copy_are_read_from_the_environment() => Verifier.VerifyAsync(
        $$"""
        using System;
        using StreamChat;
        using StreamChat.Server;
        class C
        {
            TokenProvider M()
            {
                var provider = {|SCHAT002:TokenProvider.Static(new Token("{{Jwt}}"))|};
                var issued = {|SCHAT002:TokenProvider.Static(Token.Parse(new UserTokenIssuer("0123456789abcdef0123456789abcdef").CreateUserToken("john")))|};
                return provider ?? issued;
            }
        }
        """,
        """
        using System;
        using StreamChat;
        using StreamChat.Server;
        class C
        {
            TokenProvider M()
            {
                #if DEBUG
                var provider = TokenProvider.Static(new Token(Environment.GetEnvironmentVariable("STREAM_CHAT_TOKEN") ?? throw new InvalidOperationException("Set the STREAM_CHAT_TOKEN environment variable.")));
                #else
                var provider = TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend."));
                #endif
                #if DEBUG
                var issued = TokenProvider.Static(Token.Parse(new UserTokenIssuer(Environment.GetEnvironmentVariable("STREAM_API_SECRET") ?? throw new InvalidOperationException("Set the STREAM_API_SECRET environment variable.")).CreateUserToken("john")));
                #else
                var issued = TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend."));
                #endif
                return provider ?? issued;
            }
        }
        """);

    [Test]
    public async Task Jwt_literal_stays_when_SCHAT003_is_turned_off()
    {
        var test = Verifier.Create(
            $$"""
            using StreamChat;
            class C
            {
                TokenProvider M() => {|SCHAT002:TokenProvider.Static(new Token("{{Jwt}}"))|};
            }
            """,
            $$"""
            using StreamChat;
            class C
            {
                #if DEBUG
                TokenProvider M() => TokenProvider.Static(new Token("{{Jwt}}"));
                #else
                TokenProvider M() => TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
            }
            """,
            TestBuild.Release);
        const string EditorConfig = "root = true\n\n[*.cs]\ndotnet_diagnostic.SCHAT003.severity = none\n";
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        test.FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", EditorConfig));
        await test.RunAsync();
    }

    private static async Task VerifyWithRecordsAsync(string source, string fixedSource)
    {
        var test = Verifier.Create(source, fixedSource, TestBuild.Release);
        foreach (var state in new[] { test.TestState, test.FixedState })
        {
            state.Sources.Add(("/0/Records.cs", Records));
            foreach (var generated in GeneratedClaims.For(Records))
            {
                state.Sources.Add(generated);
            }
        }

        await test.RunAsync();
    }
}
