using System.Threading.Tasks;
using StreamChat.Analyzers.Tests.Infrastructure;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.TokenApiUsageAnalyzer,
    StreamChat.Analyzers.CodeFixes.TokenApiUsageCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// The SCHAT001/SCHAT002 fix on the shapes of statements and members a real project has. The harness applies the fixes one at a time (each
/// next fix sees the directives of the previous one) and all at once per document, project and solution, and
/// requires the same result each way; every fixed source is compiled with and without DEBUG.
/// </summary>
public sealed class TokenApiUsageCodeFixShapesTests
{
    private const string Closure = DebugOnlyFix.Closure;

    private static readonly TestBuild[] Builds = DebugOnlyFix.Builds;

    [TestCaseSource(nameof(Builds))]
    public Task Several_flagged_calls_in_one_statement_share_one_release_copy(TestBuild build) => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider[] M(Token token)
            {
                var providers = new[] { {|SCHAT001:TokenProvider.Development("a")|}, {|SCHAT002:TokenProvider.Static(token)|}, {|SCHAT002:TokenProvider.Static({|SCHAT001:Token.Development("b")|})|} };
                return providers;
            }
        }
        """,
        $$"""
        using StreamChat;
        class C
        {
            TokenProvider[] M(Token token)
            {
                #if DEBUG
                var providers = new[] { TokenProvider.Development("a"), TokenProvider.Static(token), TokenProvider.Static(Token.Development("b")) };
                #else
                var providers = new[] { {{Closure}}, {{Closure}}, {{Closure}} };
                #endif
                return providers;
            }
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public Task Nested_lambdas_are_fixed_and_an_outer_call_takes_the_inner_statement_into_its_wrap(TestBuild build) => Verifier.VerifyAsync(
        """
        using System;
        using StreamChat;
        class C
        {
            void M(Token token, Action<TokenProvider, Action> run, Action<TokenProvider> use)
            {
                Func<Func<TokenProvider>> nested = () => () => {|SCHAT001:TokenProvider.Development("n")|};
                Action<Action<TokenProvider>> later = consume =>
                {
                    consume({|SCHAT002:TokenProvider.Static(token)|});
                };
                run({|SCHAT001:TokenProvider.Development("outer")|}, () =>
                {
                    use({|SCHAT001:TokenProvider.Development("inner")|});
                });
            }
        }
        """,
        """
        using System;
        using StreamChat;
        class C
        {
            void M(Token token, Action<TokenProvider, Action> run, Action<TokenProvider> use)
            {
                #if DEBUG
                Func<Func<TokenProvider>> nested = () => () => TokenProvider.Development("n");
                #else
                Func<Func<TokenProvider>> nested = () => () => TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend."));
                #endif
                Action<Action<TokenProvider>> later = consume =>
                {
                    #if DEBUG
                    consume(TokenProvider.Static(token));
                    #else
                    consume(TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend.")));
                    #endif
                };
                #if DEBUG
                run(TokenProvider.Development("outer"), () =>
                {
                    use(TokenProvider.Development("inner"));
                });
                #else
                run(TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend.")), () =>
                {
                    use(TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend.")));
                });
                #endif
            }
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public Task Expression_bodied_members_and_accessors_are_wrapped_whole(TestBuild build) => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            static TokenProvider Method() => {|SCHAT001:TokenProvider.Development("m")|};

            TokenProvider Property => {|SCHAT001:TokenProvider.Development("p")|};

            TokenProvider Accessor
            {
                get => {|SCHAT001:TokenProvider.Development("g")|};
            }
        }
        """,
        $$"""
        using StreamChat;
        class C
        {
            #if DEBUG
            static TokenProvider Method() => TokenProvider.Development("m");
            #else
            static TokenProvider Method() => {{Closure}};
            #endif

            #if DEBUG
            TokenProvider Property => TokenProvider.Development("p");
            #else
            TokenProvider Property => {{Closure}};
            #endif

            TokenProvider Accessor
            {
                #if DEBUG
                get => TokenProvider.Development("g");
                #else
                get => {{Closure}};
                #endif
            }
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public Task Fields_and_properties_initialised_with_a_flagged_call_are_fixed(TestBuild build) => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            /// <summary>Documented.</summary>
            static readonly TokenProvider Field = {|SCHAT001:TokenProvider.Development("f")|};
            static readonly TokenProvider A = {|SCHAT001:TokenProvider.Development("a")|}, B = {|SCHAT001:TokenProvider.Development("b")|};
            TokenProvider Property { get; } = {|SCHAT001:TokenProvider.Development("p")|};
        }
        """,
        $$"""
        using StreamChat;
        class C
        {
            /// <summary>Documented.</summary>
            #if DEBUG
            static readonly TokenProvider Field = TokenProvider.Development("f");
            #else
            static readonly TokenProvider Field = {{Closure}};
            #endif
            #if DEBUG
            static readonly TokenProvider A = TokenProvider.Development("a"), B = TokenProvider.Development("b");
            #else
            static readonly TokenProvider A = {{Closure}}, B = {{Closure}};
            #endif
            #if DEBUG
            TokenProvider Property { get; } = TokenProvider.Development("p");
            #else
            TokenProvider Property { get; } = {{Closure}};
            #endif
        }
        """,
        build);

    [Test]
    public Task Closure_parameter_does_not_hide_a_parameter_named_cancellationToken() => Verifier.VerifyAsync(
        """
        using System.Threading;
        using StreamChat;
        class C
        {
            TokenProvider M(CancellationToken cancellationToken)
            {
                var provider = {|SCHAT001:TokenProvider.Development("a")|};
                return provider;
            }
        }
        """,
        """
        using System.Threading;
        using StreamChat;
        class C
        {
            TokenProvider M(CancellationToken cancellationToken)
            {
                #if DEBUG
                var provider = TokenProvider.Development("a");
                #else
                var provider = TokenProvider.Closure(ct => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                return provider;
            }
        }
        """);
}
