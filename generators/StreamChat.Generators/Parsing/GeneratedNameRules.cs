using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamChat.Generators.Diagnostics;

namespace StreamChat.Generators.Parsing;

/// <summary>
/// The names the generator declares for a claims record, and the rule (SCHAT114) that a member the user declared does not
/// take one: such a member would not compile beside the generated one (CS0102, CS0111, CS0101), and that error would point
/// into the generated file instead of at the member.
/// </summary>
internal static class GeneratedNameRules
{
    /// <summary>The nested struct that reads and writes the record's payload.</summary>
    public const string FormatName = "StreamChatFormat";

    /// <summary>The tool name in the generated code's <c>[GeneratedCode]</c>, which tells the generated members apart.</summary>
    public const string ToolName = "StreamChat.Generators";

    private const string ProviderSuffix = "TokenProvider";

    // The explicit ITokenClaims.UserId the record gets: a user's own explicit implementation of it would be a duplicate.
    private const string ExplicitUserId = "StreamChat.Claims.ITokenClaims.UserId";

    /// <summary>The name of the provider factory class declared beside a record with this name (without <c>@</c>).</summary>
    public static string ProviderName(string recordName) => recordName + ProviderSuffix;

    /// <summary>Reports each member of <paramref name="type"/>, or beside it, that clashes with a generated one.</summary>
    public static void Check(INamedTypeSymbol type, KnownTypes known, ProblemSink problems, CancellationToken cancellationToken)
    {
        // (name, the parameters of the generated method, or null for a name no member may take, how the message names it)
        (string Name, ITypeSymbol?[]? Parameters, bool[]? ByRef, string Described)[] generated =
        [
            ("FromToken", [known.Token], [false], "method 'FromToken(Token)'"),
            ("TryFromToken", [known.Token, type], [false, true], "method 'TryFromToken(Token?, out " + type.Name + ")'"),
            ("Sign", [known.JwtSigningKey, known.TimeSpan, known.DateTimeOffset], [false, false, false], "method 'Sign(JwtSigningKey, TimeSpan, DateTimeOffset)'"),
            ("SignCompact", [known.JwtSigningKey, known.TimeSpan, known.DateTimeOffset], [false, false, false], "method 'SignCompact(JwtSigningKey, TimeSpan, DateTimeOffset)'"),
            ("ToDevelopmentToken", [], [], "method 'ToDevelopmentToken()'"),
            (FormatName, null, null, "nested struct '" + FormatName + "'"),
            (ExplicitUserId, null, null, "explicit implementation of 'ITokenClaims.UserId'"),
        ];

        foreach (var (name, parameters, byRef, described) in generated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in type.GetMembers(name))
            {
                if (IsUsers(member, known) && (parameters is null || member is not IMethodSymbol method || SameParameters(method, parameters, byRef!)))
                {
                    var (shown, fix) = name == ExplicitUserId
                        ? ("ITokenClaims.UserId", "remove it: the generated one returns the user id property")
                        : (member.Name, "rename it");
                    problems.Add(DiagnosticDescriptors.GeneratedNameTaken, Location(member), shown, described, type.Name, fix);
                }
            }
        }

        // The provider factory is declared in the record's containing type, else in its namespace.
        var provider = ProviderName(type.Name);
        var container = (INamespaceOrTypeSymbol?)type.ContainingType ?? type.ContainingNamespace;
        foreach (var member in container is null ? ImmutableArray<ISymbol>.Empty : container.GetMembers(provider))
        {
            // A generic type of that name is another type (ChatClaimsTokenProvider<T>), and a referenced assembly's type
            // of that name is hidden by the generated one, not a clash.
            if (IsUsers(member, known) && member.Locations.Any(l => l.IsInSource) && member is not INamedTypeSymbol { Arity: > 0 })
            {
                problems.Add(DiagnosticDescriptors.GeneratedNameTaken, Location(member), member.Name, "provider factory class '" + provider + "'", type.Name, "rename it");
            }
        }
    }

    // Declared by the user: not implicitly (a record's synthesized members), not by this generator (the analyzer sees the
    // compilation with the generated code; the generator does not).
    private static bool IsUsers(ISymbol member, KnownTypes known) =>
        !member.IsImplicitlyDeclared
        && !member.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.GeneratedCodeAttribute)
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is ToolName);

    // C# overloads on parameter types and on by-value against by-reference (not ref against out), not on return types or
    // nullable annotations; a generic method is an overload too.
    private static bool SameParameters(IMethodSymbol method, ITypeSymbol?[] parameters, bool[] byRef) =>
        method.Arity == 0
        && method.Parameters.Length == parameters.Length
        && method.Parameters.Select((p, i) => (p.RefKind != RefKind.None) == byRef[i] && SameType(p.Type, parameters[i])).All(same => same);

    // Nullable<T> for the record struct's "out T?" is a different type; for a class, T? is T.
    private static bool SameType(ITypeSymbol actual, ITypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(actual, expected);

    private static Location? Location(ISymbol member) => member.Locations.FirstOrDefault(l => l.IsInSource) ?? member.Locations.FirstOrDefault();
}
