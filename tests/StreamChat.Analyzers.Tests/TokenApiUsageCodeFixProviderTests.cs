using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamChat.Analyzers.CodeFixes;
using StreamChat.Analyzers.Tests.Infrastructure;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.CodeFixVerifier<
    StreamChat.Analyzers.TokenApiUsageAnalyzer,
    StreamChat.Analyzers.CodeFixes.TokenApiUsageCodeFixProvider>;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// The SCHAT001/SCHAT002 fix: debug builds keep the original provider, release builds get a closure provider. Each
/// fixed source is compiled with and without DEBUG, so both branches are checked to compile with no diagnostics.
/// </summary>
public sealed class TokenApiUsageCodeFixProviderTests
{
    private static readonly TestBuild[] Builds = DebugOnlyFix.Builds;

    [TestCaseSource(nameof(Builds))]
    public Task Local_declaration_is_split_into_debug_and_release_branches(TestBuild build) => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider M()
            {
                var provider = {|SCHAT001:TokenProvider.Development("john")|};
                return provider;
            }
        }
        """,
        """
        using StreamChat;
        class C
        {
            TokenProvider M()
            {
                #if DEBUG
                var provider = TokenProvider.Development("john");
                #else
                var provider = TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
                #endif
                return provider;
            }
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public Task Static_provider_of_a_development_token_is_fixed_as_a_whole(TestBuild build) => Verifier.VerifyAsync(
        """
        using System;
        using StreamChat;
        class C
        {
            static readonly TokenProvider Provider = {|SCHAT002:TokenProvider.Static({|SCHAT001:Token.Development("john")|})|}; // the demo user
        }
        """,
        """
        using System;
        using StreamChat;
        class C
        {
            #if DEBUG
            static readonly TokenProvider Provider = TokenProvider.Static(Token.Development("john")); // the demo user
            #else
            static readonly TokenProvider Provider = TokenProvider.Closure(cancellationToken => throw new NotImplementedException("Fetch this user's token from your backend.")); // the demo user
            #endif
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public Task Argument_of_a_constructor_call_keeps_the_rest_of_the_statement(TestBuild build) => Verifier.VerifyAsync(
        """
        using Chat = StreamChat;
        class C
        {
            Chat.ChatClient M(Chat.ChatClientConfig config) =>
                new Chat.ChatClient(config, {|SCHAT001:Chat.TokenProvider.Development("john")|});
        }
        """,
        """
        using Chat = StreamChat;
        class C
        {
            #if DEBUG
            Chat.ChatClient M(Chat.ChatClientConfig config) =>
                new Chat.ChatClient(config, Chat.TokenProvider.Development("john"));
            #else
            Chat.ChatClient M(Chat.ChatClientConfig config) =>
                new Chat.ChatClient(config, StreamChat.TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend.")));
            #endif
        }
        """,
        build);

    [TestCaseSource(nameof(Builds))]
    public async Task Top_level_statement_is_fixed(TestBuild build)
    {
        var test = Verifier.Create(
            """
            using StreamChat;
            var provider = {|SCHAT002:TokenProvider.Static(Token.Parse(args[0]))|};
            System.Console.WriteLine(provider.Kind);
            """,
            """
            using StreamChat;
            #if DEBUG
            var provider = TokenProvider.Static(Token.Parse(args[0]));
            #else
            var provider = TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
            #endif
            System.Console.WriteLine(provider.Kind);
            """,
            build);
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        test.FixedState.OutputKind = OutputKind.ConsoleApplication;
        await test.RunAsync();
    }

    [Test]
    public Task Crlf_line_endings_are_kept() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider Provider { get; } = {|SCHAT001:TokenProvider.Development("john")|};
        }
        """.ReplaceLineEndings("\r\n"),
        """
        using StreamChat;
        class C
        {
            #if DEBUG
            TokenProvider Provider { get; } = TokenProvider.Development("john");
            #else
            TokenProvider Provider { get; } = TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."));
            #endif
        }
        """.ReplaceLineEndings("\r\n"));

    [Test]
    public Task Development_token_outside_a_provider_gets_no_fix() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            Token M() => {|SCHAT001:Token.Development("john")|};
        }
        """,
        """
        using StreamChat;
        class C
        {
            Token M() => {|SCHAT001:Token.Development("john")|};
        }
        """);

    [Test]
    public Task Statement_sharing_a_line_with_a_block_is_fixed_through_the_enclosing_statement() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            void M(System.Action<TokenProvider> use)
            {
                if (use is not null)
                {
                    use({|SCHAT001:TokenProvider.Development("john")|});
                }

                System.Action later = () => { use!({|SCHAT001:TokenProvider.Development("jane")|}); };
            }
        }
        """,
        """
        using StreamChat;
        class C
        {
            void M(System.Action<TokenProvider> use)
            {
                if (use is not null)
                {
                    #if DEBUG
                    use(TokenProvider.Development("john"));
                    #else
                    use(TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend.")));
                    #endif
                }

                #if DEBUG
                System.Action later = () => { use!(TokenProvider.Development("jane")); };
                #else
                System.Action later = () => { use!(TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException("Fetch this user's token from your backend."))); };
                #endif
            }
        }
        """);

    [Test]
    public Task Statement_sharing_a_line_of_a_multi_line_block_gets_no_fix() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            void M(System.Action<TokenProvider> use)
            {
                System.Console.WriteLine(); use({|SCHAT001:TokenProvider.Development("john")|});
            }
        }
        """,
        """
        using StreamChat;
        class C
        {
            void M(System.Action<TokenProvider> use)
            {
                System.Console.WriteLine(); use({|SCHAT001:TokenProvider.Development("john")|});
            }
        }
        """);
}
