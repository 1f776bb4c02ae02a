using System.Threading.Tasks;
using StreamChat.Analyzers.Tests.Infrastructure;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.TokenApiUsageAnalyzer,
    StreamChat.Analyzers.CodeFixes.TokenApiUsageCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// The SCHAT001/SCHAT002 fix next to and around preprocessor directives: its own from an earlier fix, the user's,
/// and the release branch of an existing <c>#if DEBUG</c>. The harness applies the fixes one at a time and all at
/// once and requires the same result each way.
/// </summary>
public sealed class TokenApiUsageCodeFixDirectiveTests
{
    private const string Closure = DebugOnlyFix.Closure;

    private static readonly TestBuild[] Builds = DebugOnlyFix.Builds;

    [TestCaseSource(nameof(Builds))]
    public Task Consecutive_statements_are_each_fixed_after_the_directives_of_the_previous_fix(TestBuild build) => VerifyWithKeyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider[] M(Token token)
            {
        #if NET8_0_OR_GREATER
                System.Console.WriteLine();
        #endif
                var first = {|SCHAT001:TokenProvider.Development("a")|};
                var second = {|SCHAT002:TokenProvider.Static(token)|};
                var third = {|SCHAT001:TokenProvider.Development("c")|};
                return new[] { first, second, third };
            }
        }
        """,
        $$"""
        using StreamChat;
        class C
        {
            TokenProvider[] M(Token token)
            {
        #if NET8_0_OR_GREATER
                System.Console.WriteLine();
        #endif
                #if DEBUG
                var first = TokenProvider.Development("a");
                #else
                var first = {{Closure}};
                #endif
                #if DEBUG
                var second = TokenProvider.Static(token);
                #else
                var second = {{Closure}};
                #endif
                #if DEBUG
                var third = TokenProvider.Development("c");
                #else
                var third = {{Closure}};
                #endif
                return new[] { first, second, third };
            }
        }
        """,
        build);

    [Test]
    public Task Provider_in_the_release_branch_of_an_existing_if_DEBUG_is_replaced_where_it_stands() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider M(Token token)
            {
        #if DEBUG
                var provider = TokenProvider.Development("a");
        #else
                var provider = {|SCHAT002:TokenProvider.Static(token)|};
        #endif
                return provider;
            }
        }
        """,
        $$"""
        using StreamChat;
        class C
        {
            TokenProvider M(Token token)
            {
        #if DEBUG
                var provider = TokenProvider.Development("a");
        #else
                var provider = {{Closure}};
        #endif
                return provider;
            }
        }
        """);

    [TestCaseSource(nameof(Builds))]
    public Task Directive_groups_inside_a_wrapped_statement_are_copied_whole_or_resolved_for_DEBUG(TestBuild build) => Verifier.VerifyAsync(
        """
        using System;
        using StreamChat;
        class C
        {
            void M(Action<TokenProvider, Action> run, Action<TokenProvider> use)
            {
                run({|SCHAT001:TokenProvider.Development("outer")|}, () =>
                {
        #if NET8_0_OR_GREATER
                    Console.WriteLine("net8");
        #endif
        #if DEBUG
                    use(TokenProvider.Development("debug"));
        #else
                    use(TokenProvider.Anonymous);
        #endif
                });
            }
        }
        """,
        """
        using System;
        using StreamChat;
        class C
        {
            void M(Action<TokenProvider, Action> run, Action<TokenProvider> use)
            {
                #if DEBUG
                run(TokenProvider.Development("outer"), () =>
                {
        #if NET8_0_OR_GREATER
                    Console.WriteLine("net8");
        #endif
                    use(TokenProvider.Development("debug"));
                });
                #else
                run(TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend.")), () =>
                {
        #if NET8_0_OR_GREATER
                    Console.WriteLine("net8");
        #endif
                    use(TokenProvider.Anonymous);
                });
                #endif
            }
        }
        """,
        build);

    [Test]
    public Task Provider_call_split_by_directives_gets_no_fix() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider M(Token token, Token other) =>
                {|SCHAT002:TokenProvider.Static(
        #if NET8_0_OR_GREATER
                    token
        #else
                    other
        #endif
                )|};
        }
        """,
        """
        using StreamChat;
        class C
        {
            TokenProvider M(Token token, Token other) =>
                {|SCHAT002:TokenProvider.Static(
        #if NET8_0_OR_GREATER
                    token
        #else
                    other
        #endif
                )|};
        }
        """);

    // Both rules' fixes carry one equivalence key, which the harness checks on every action it applies.
    private static Task VerifyWithKeyAsync(string source, string fixedSource, TestBuild build)
    {
        var test = Verifier.Create(source, fixedSource, build);
        test.CodeActionEquivalenceKey = "StreamChat.DebugOnlyTokenProvider";
        return test.RunAsync();
    }
}
