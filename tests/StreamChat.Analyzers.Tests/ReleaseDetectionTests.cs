using System.Threading.Tasks;
using StreamChat.Analyzers.Tests.Infrastructure;
using Verifier = StreamChat.Analyzers.Tests.Infrastructure.AnalyzerVerifier<StreamChat.Analyzers.TokenApiUsageAnalyzer>;

namespace StreamChat.Analyzers.Tests;

/// <summary>DESIGN §5: each way a build counts as release, and each way out of the SCHAT001/SCHAT002 check.</summary>
public sealed class ReleaseDetectionTests
{
    private const string FlaggedSource = """
        using StreamChat;
        class C
        {
            TokenProvider A() => {|SCHAT001:TokenProvider.Development("john")|};
            TokenProvider B() => {|SCHAT002:TokenProvider.Static(null!)|};
        }
        """;

    private const string UnmarkedSource = """
        using StreamChat;
        class C
        {
            TokenProvider A() => TokenProvider.Development("john");
            TokenProvider B() => TokenProvider.Static(null!);
        }
        """;

    [Test]
    public Task Release_configuration_is_flagged() => Verifier.VerifyAsync(FlaggedSource, TestBuild.Release);

    [Test]
    public Task Release_configuration_name_alone_is_flagged_even_unoptimized() =>
        Verifier.VerifyAsync(FlaggedSource, new TestBuild("Release", Optimized: false, DefineDebug: false));

    [Test]
    public Task Debug_configuration_is_not_flagged() => Verifier.VerifyAsync(UnmarkedSource, TestBuild.Debug);

    [Test]
    public Task Custom_optimized_configuration_is_flagged() =>
        Verifier.VerifyAsync(FlaggedSource, new TestBuild("Staging", Optimized: true, DefineDebug: false));

    [Test]
    public Task Optimized_build_without_the_props_is_flagged() =>
        Verifier.VerifyAsync(FlaggedSource, new TestBuild(null, Optimized: true, DefineDebug: false));

    [Test]
    public Task Custom_unoptimized_configuration_is_not_flagged() =>
        Verifier.VerifyAsync(UnmarkedSource, new TestBuild("Testing", Optimized: false, DefineDebug: false));

    [Test]
    public Task Opt_out_silences_development_tokens_but_not_static_tokens() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider A() => TokenProvider.Development("john");
            TokenProvider B() => {|SCHAT002:TokenProvider.Static(null!)|};
        }
        """,
        TestBuild.Release with { AllowDevelopmentTokens = true });

    [Test]
    public Task Code_under_if_DEBUG_is_not_flagged() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
            TokenProvider A() =>
        #if DEBUG
                TokenProvider.Development("john");
        #else
                TokenProvider.Static(null!);
        #endif

        #if !DEBUG
            TokenProvider B() => null!;
        #elif TRACE
            TokenProvider B() => TokenProvider.Development("john");
        #endif

        #if (DEBUG && TRACE)
            TokenProvider D() => TokenProvider.Static(null!);
        #endif

            // Outside every DEBUG branch the same build is still checked.
            TokenProvider E() => {|SCHAT002:TokenProvider.Static(null!)|};
        }
        """,
        TestBuild.Release with { DefineDebug = true });

    [Test]
    public Task Else_branch_of_if_DEBUG_is_flagged() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
        #if DEBUG
            TokenProvider A() => TokenProvider.Closure(ct => throw new System.NotImplementedException());
        #else
            TokenProvider A() => {|SCHAT001:TokenProvider.Development("john")|};
        #endif
        }
        """,
        TestBuild.Release);

    [Test]
    public Task Else_after_a_condition_that_can_be_false_without_DEBUG_is_flagged() => Verifier.VerifyAsync(
        """
        using StreamChat;
        class C
        {
        #if !DEBUG && NEVER_DEFINED
            TokenProvider A() => null!;
        #else
            // Taken with DEBUG, and also without it whenever NEVER_DEFINED is not defined.
            TokenProvider A() => {|SCHAT002:TokenProvider.Static(null!)|};
        #endif
        }
        """,
        TestBuild.Release with { DefineDebug = true });

    [Test]
    public Task Conditional_DEBUG_methods_are_not_flagged() => Verifier.VerifyAsync(
        """
        using System;
        using System.Diagnostics;
        using StreamChat;
        class C
        {
            [Conditional("DEBUG")]
            static void UseDevelopmentUser(Action<TokenProvider> connect)
            {
                connect(TokenProvider.Development("john"));
                Func<TokenProvider> later = () => TokenProvider.Static(null!);
            }

            [Conditional("TRACE")]
            static void Other(Action<TokenProvider> connect) => connect({|SCHAT001:TokenProvider.Development("john")|});
        }
        """);
}
