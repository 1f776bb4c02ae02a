namespace StreamChat.Tests.Shared;

/// <summary>
/// A consumer project with every shape the SCHAT fixes handle: statements after directives, several flagged calls in
/// one statement and one block, nested lambdas, top-level statements, expression-bodied members, fields and
/// properties, generated typed factories, credentials inside a flagged statement and records that are not partial.
/// <see cref="FilesWithWrapper"/> adds one call of a user's own marked wrapper, which has no fix and stays flagged in
/// release builds (docs/rules/SCHAT001.md).
/// </summary>
internal static class FlaggedShapes
{
    /// <summary>The one diagnostic left after every fix of <see cref="FilesWithWrapper"/>: the wrapper call has no safe fix.</summary>
    public const string UnfixableWrapperCall = "Wrapper.cs(11,43): SCHAT001";

    /// <summary>How many generated typed closures the fixes write (each replaces a typed Static or Development).</summary>
    public const int TypedClosures = 4;

    public const string Program = """
        using System;
        using StreamChat;
        using Consumer;

        var token = Token.Parse(args[0]);
        var development = TokenProvider.Development("john");
        var fixedToken = TokenProvider.Static(token);
        var seed = TokenProvider.Static(new Token("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VyX2lkIjoiam9obiJ9.devtoken"));
        var mixed = new[] { TokenProvider.Development("a"), TokenProvider.Static(Token.Development("b")) };
        var typed = ChatClaimsTokenProvider.Development(new ChatClaims("john"));
        var typedStatic = ChatClaimsTokenProvider.Static(token);
        Console.WriteLine(string.Join(" ", development.Kind, fixedToken.Kind, seed.Kind, mixed.Length, typed.Kind, typedStatic.Kind, Shapes.All().Length));

        """;

    public const string Providers = """
        using System;
        using StreamChat;
        using StreamChat.Annotations;
        using StreamChat.Claims;

        namespace Consumer;

        [TokenClaims]
        public partial record ChatClaims(string UserId);

        public static class Shapes
        {
            /// <summary>A field.</summary>
            public static readonly TokenProvider Field = TokenProvider.Development("field");
            public static readonly TokenProvider First = TokenProvider.Development("first"), Second = TokenProvider.Static(Token.Development("second"));

            public static TokenProvider Property { get; } = ChatClaimsTokenProvider.Development(new ChatClaims("property"));

            public static TokenProvider Expression => TokenProvider.Development("expression");

            public static TokenProvider Accessor
            {
                get => TokenProvider.Development("accessor");
            }

            public static TokenProvider Method() => ChatClaimsTokenProvider.Static(Token.Development("method"));

            public static TokenProvider[] All()
            {
                var one = TokenProvider.Development("one");
                var two = TokenProvider.Static(Token.Parse(Sign("0123456789abcdef0123456789abcdef")));
                Func<Func<TokenProvider>> nested = () => () => TokenProvider.Development("nested");
                Action<Action<TokenProvider>> later = use =>
                {
                    use(TokenProvider.Static(Token.Development("later")));
                };
                later(_ => { });
                TokenProvider? captured = null;
                Run(TokenProvider.Development("outer"), () =>
                {
                    captured = TokenProvider.Development("inner");
                });
                return new[] { one, two, nested()(), captured!, Field, First, Second, Property, Expression, Accessor, Method() };
            }

            private static void Run(TokenProvider provider, Action then) => then();

            private static string Sign([ApiSecret] string secret) => secret;
        }

        """;

    public const string Records = """
        using StreamChat.Claims;

        namespace Consumer;

        [TokenClaims]
        public record NotPartial(string UserId);

        public class Holder
        {
            [TokenClaims]
            public partial record Inner(string UserId);
        }

        public class Outer
        {
            public class Middle
            {
                [TokenClaims]
                public record Deep(string UserId);
            }
        }

        """;

    public const string Wrapper = """
        using StreamChat;
        using StreamChat.Annotations;

        namespace Consumer;

        public static class Wrapper
        {
            [DevelopmentTokenApi]
            public static TokenProvider AsDemoUser() => TokenProvider.Development("demo");

            public static TokenProvider Demo() => AsDemoUser();
        }

        """;

    public static (string Name, string Source)[] Files { get; } =
    {
        ("Program.cs", Program),
        ("Providers.cs", Providers),
        ("Records.cs", Records),
    };

    /// <summary><see cref="Files"/> and the user's own marked wrapper, whose call no fix can rewrite safely.</summary>
    public static (string Name, string Source)[] FilesWithWrapper { get; } = [.. Files, ("Wrapper.cs", Wrapper)];

    /// <summary>How many typed closures <paramref name="text"/> calls.</summary>
    public static int TypedClosuresIn(string text)
    {
        const string Call = "ChatClaimsTokenProvider.Closure(";
        var count = 0;
        for (var at = text.IndexOf(Call, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(Call, at + 1, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
