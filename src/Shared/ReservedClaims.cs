// One list of the claims the protocol gives a meaning to. This file is compiled into StreamChat.Client and
// StreamChat.Server (with the codec in Jwt/, which reads and writes these names as UTF-8: Jwt/ReservedClaims.Utf8.cs) and
// into the source generator, which cannot reference the runtime assembly when it runs; the generator's copy has another
// namespace, so the generator's tests, which see the internals of both the generator and the runtime, have no clash.
#if STREAMCHAT_GENERATOR
namespace StreamChat.Generators.Parsing;
#else
namespace StreamChat.Jwt;
#endif

/// <summary>
/// The reserved claims: <c>user_id</c> (the user), <c>exp</c>, <c>iat</c>, <c>nbf</c> (the token's times, written by the
/// signer) and <c>server</c> (marks the app's server token). A user's own claims never use these names.
/// </summary>
internal static partial class ReservedClaims
{
    public const string UserId = "user_id";
    public const string ExpiresAt = "exp";
    public const string IssuedAt = "iat";
    public const string NotBefore = "nbf";
    public const string Server = "server";

    private static readonly string[] Names = [UserId, ExpiresAt, IssuedAt, NotBefore, Server];

    /// <summary>Every reserved name, in the order above.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All => Names;

    /// <summary>Whether <paramref name="name"/> is reserved (ordinal: JSON names are case-sensitive).</summary>
    public static bool Contains(string? name) => IndexOf(name) >= 0;

    /// <summary>The position of <paramref name="name"/> in <see cref="All"/>, or -1 when it is not reserved.</summary>
    public static int IndexOf(string? name) => name is null ? -1 : System.Array.IndexOf(Names, name);
}
