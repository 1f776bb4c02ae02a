using System.Collections.Generic;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>Half-typed and broken code as an editor sees it while someone types: the generator and analyzer must survive all of it.</summary>
internal static class MalformedSources
{
    private const string Using = "using System; using System.Collections.Generic; using StreamChat.Claims;\n";

    public static IReadOnlyList<(string Name, string Source)> All { get; } =
    [
        ("attribute alone", Using + "[TokenClaims]"),
        ("attribute then nothing typed", Using + "[TokenClaims]\npublic partial"),
        ("record keyword only", Using + "[TokenClaims] public partial record"),
        ("record without name", Using + "[TokenClaims] public partial record (string UserId);"),
        ("unclosed parameter list", Using + "[TokenClaims] public partial record A(string UserId"),
        ("unclosed body", Using + "[TokenClaims] public partial record A { public string UserId { get; init; }"),
        ("parameter without name", Using + "[TokenClaims] public partial record A(string);"),
        ("parameter without type", Using + "[TokenClaims] public partial record A(UserId);"),
        ("missing comma", Using + "[TokenClaims] public partial record A(string UserId int Level);"),
        ("trailing comma", Using + "[TokenClaims] public partial record A(string UserId,);"),
        ("unknown property type", Using + "[TokenClaims] public partial record A(string UserId, Missing Thing);"),
        ("unknown generic type", Using + "[TokenClaims] public partial record A(string UserId, Missing<string> Thing);"),
        ("unknown user id type", Using + "[TokenClaims] public partial record A(Missing UserId);"),
        ("Claim without argument", Using + "[TokenClaims] public partial record A(string UserId) { [Claim] public string? Role { get; init; } }"),
        ("Claim with null", Using + "[TokenClaims] public partial record A(string UserId) { [Claim(null)] public string? Role { get; init; } }"),
        ("Claim with int", Using + "[TokenClaims] public partial record A(string UserId) { [Claim(42)] public string? Role { get; init; } }"),
        ("Claim with two arguments", Using + "[TokenClaims] public partial record A(string UserId) { [Claim(\"a\", \"b\")] public string? Role { get; init; } }"),
        ("Claim with unfinished argument", Using + "[TokenClaims] public partial record A(string UserId) { [Claim(\"a] public string? Role { get; init; } }"),
        ("TokenClaims with argument", Using + "[TokenClaims(\"x\")] public partial record A(string UserId);"),
        ("TokenClaims twice", Using + "[TokenClaims, TokenClaims] public partial record A(string UserId);"),
        ("TokenClaims on two partial parts", Using + "[TokenClaims] public partial record A(string UserId); [TokenClaims] public partial record A;"),
        ("TokenClaims on an enum", Using + "[TokenClaims] public enum E { A }"),
        ("TokenClaims on an interface", Using + "[TokenClaims] public partial interface I { string UserId { get; } }"),
        ("TokenClaims on a method", Using + "public static class C { [TokenClaims] public static void M() { } }"),
        ("TokenClaims on a property", Using + "public partial record A(string UserId) { [TokenClaims] public int X { get; init; } }"),
        ("TokenClaims on a delegate", Using + "[TokenClaims] public delegate void D();"),
        ("TokenClaims on a static class", Using + "[TokenClaims] public static partial class S { }"),
        ("UserId on a method", Using + "[TokenClaims] public partial record A(string UserId) { [UserId] public void M() { } }"),
        ("UserId on a field", Using + "[TokenClaims] public partial record A(string Id) { [UserId] public string F = \"\"; }"),
        ("UserId on a static property", Using + "[TokenClaims] public partial record A(string Id) { [UserId] public static string S { get; set; } = \"\"; }"),
        ("indexer", Using + "[TokenClaims] public partial record A(string UserId) { public string this[int i] { get => \"\"; set { } } }"),
        ("property of own type", Using + "[TokenClaims] public partial record A(string UserId) { public A? Parent { get; init; } }"),
        ("inherits from unknown base", Using + "[TokenClaims] public partial record A(string UserId) : Missing;"),
        ("inherits from claims record", Using + "[TokenClaims] public partial record A(string UserId); [TokenClaims] public partial record B(string UserId, int Level) : A(UserId);"),
        ("abstract record", Using + "[TokenClaims] public abstract partial record A(string UserId);"),
        ("nested in a method-less broken class", Using + "public partial class O { [TokenClaims] public partial record A(string UserId) "),
        ("nested in generic with constraint", Using + "public partial class O<T> where T : class { [TokenClaims] public partial record A(string UserId, T Value); }"),
        ("duplicate property names", Using + "[TokenClaims] public partial record A(string UserId) { public string UserId { get; init; } = \"\"; public string UserId { get; init; } = \"\"; }"),
        ("duplicate parameters", Using + "[TokenClaims] public partial record A(string UserId, string UserId);"),
        ("ref struct record", Using + "[TokenClaims] public ref partial struct A { public string UserId { get; init; } }"),
        ("file-local record", Using + "[TokenClaims] file partial record A(string UserId);"),
        ("pointer property", Using + "[TokenClaims] public unsafe partial record A(string UserId) { public int* P { get; init; } }"),
        ("tuple and nullable of unsupported", Using + "[TokenClaims] public partial record A(string UserId, (int, int) Pair, decimal? Money);"),
        ("enum without members", Using + "public enum Empty { } [TokenClaims] public partial record A(string UserId, Empty E);"),
        ("enum with duplicate claim names", Using + "public enum E { [Claim(\"x\")] A, [Claim(\"x\")] B } [TokenClaims] public partial record A(string UserId, E E);"),
        ("attribute alias", "using TC = StreamChat.Claims.TokenClaimsAttribute; [TC] public partial record A(string UserId);"),
        ("fully qualified attribute without using", "[StreamChat.Claims.TokenClaims] public partial record A(string UserId) { [StreamChat.Claims.Claim(\"\\u0000\")] public string? Odd { get; init; } }"),
        ("preprocessor-broken file", Using + "#if\n[TokenClaims] public partial record A(string UserId);\n#endif"),
        ("garbage", "}}}{{{ [TokenClaims] ((( record ;;; partial"),
        ("empty file", ""),
        ("only usings", Using),
        ("namespace without body", Using + "namespace N\n[TokenClaims] public partial record A(string UserId);"),
    ];
}
