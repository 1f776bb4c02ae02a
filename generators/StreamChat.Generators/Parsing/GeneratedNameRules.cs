using System.Collections.Generic;
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

    /// <summary>The name of the provider factory class declared beside a record with this name (without <c>@</c>).</summary>
    public static string ProviderName(string recordName) => recordName + ProviderSuffix;

    /// <summary>Reports each member of <paramref name="type"/>, or beside it, that clashes with a generated one.</summary>
    public static void Check(INamedTypeSymbol type, KnownTypes known, ProblemSink problems, CancellationToken cancellationToken)
    {
        // The analyzer sees the compilation with the generated file, the generator the one without: the members declared
        // in the file that declares this generator's StreamChatFormat are the generated ones, not the user's.
        var generatedFiles = new HashSet<SyntaxTree>(type.GetTypeMembers(FormatName)
            .Where(t => IsFromThisGenerator(t, known))
            .SelectMany(t => t.DeclaringSyntaxReferences)
            .Select(r => r.SyntaxTree));

        foreach (var member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!member.IsImplicitlyDeclared && !IsIn(member, generatedFiles) && Clash(member, type, known) is { } described)
            {
                var (shown, fix) = member is IPropertySymbol { ExplicitInterfaceImplementations.Length: > 0 }
                    ? ("ITokenClaims.UserId", "remove it: the generated one returns the user id property")
                    : (member.Name, "rename it");
                problems.Add(DiagnosticDescriptors.GeneratedNameTaken, Location(member), shown, described, type.Name, fix);
            }
        }

        // The provider factory is declared in the record's containing type, else in its namespace.
        var provider = ProviderName(type.Name);
        var container = (INamespaceOrTypeSymbol?)type.ContainingType ?? type.ContainingNamespace;
        foreach (var member in container is null ? ImmutableArray<ISymbol>.Empty : container.GetMembers(provider))
        {
            // A generic type of that name is another type (ChatClaimsTokenProvider<T>), and a referenced assembly's type
            // of that name is hidden by the generated one, not a clash.
            if (member.Locations.Any(l => l.IsInSource) && !IsIn(member, generatedFiles) && member is not INamedTypeSymbol { Arity: > 0 })
            {
                problems.Add(DiagnosticDescriptors.GeneratedNameTaken, Location(member), member.Name, "provider factory class '" + provider + "'", type.Name, "rename it");
            }
        }
    }

    /// <summary>
    /// How the message names the generated member of record <paramref name="type"/> that <paramref name="member"/> of it
    /// would clash with, or <see langword="null"/> when it clashes with none: a method with a generated method's name and
    /// parameters, any other member with a generated name, or an explicit implementation of <c>ITokenClaims.UserId</c>.
    /// </summary>
    internal static string? Clash(ISymbol member, INamedTypeSymbol type, KnownTypes known)
    {
        if (member is IPropertySymbol { ExplicitInterfaceImplementations: var implemented } && implemented.Any(p => p.Name == "UserId" && KnownTypes.Is(p.ContainingType, known.ITokenClaims)))
        {
            return "explicit implementation of 'ITokenClaims.UserId'";
        }

        // Most members have none of the names: they are let go before the table is made (the drift test holds both lists).
        if (member.Name is not ("FromToken" or "TryFromToken" or "Sign" or "SignCompact" or "ToDevelopmentToken" or FormatName))
        {
            return null;
        }

        foreach (var (name, parameters, byRef, described) in Generated(type, known))
        {
            if (member.Name == name && (parameters is null || member is not IMethodSymbol method || SameParameters(method, parameters, byRef!)))
            {
                return described;
            }
        }

        return null;
    }

    // What the generator adds to the record: each member's name, the parameters of a generated method (null for a name no
    // member may take) and whether each is by reference, and how the message names it.
    private static (string Name, ITypeSymbol?[]? Parameters, bool[]? ByRef, string Described)[] Generated(INamedTypeSymbol type, KnownTypes known) =>
    [
        ("FromToken", [known.Token], [false], "method 'FromToken(Token)'"),
        ("TryFromToken", [known.Token, type], [false, true], "method 'TryFromToken(Token?, out " + type.Name + ")'"),
        ("Sign", [known.JwtSigningKey, known.TimeSpan, known.DateTimeOffset], [false, false, false], "method 'Sign(JwtSigningKey, TimeSpan, DateTimeOffset)'"),
        ("SignCompact", [known.JwtSigningKey, known.TimeSpan, known.DateTimeOffset], [false, false, false], "method 'SignCompact(JwtSigningKey, TimeSpan, DateTimeOffset)'"),
        ("ToDevelopmentToken", [], [], "method 'ToDevelopmentToken()'"),
        (FormatName, null, null, "nested struct '" + FormatName + "'"),
    ];

    private static bool IsFromThisGenerator(ISymbol symbol, KnownTypes known) =>
        symbol.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.GeneratedCodeAttribute)
            && a.ConstructorArguments.Length > 0
            && a.ConstructorArguments[0].Value is ToolName);

    private static bool IsIn(ISymbol member, HashSet<SyntaxTree> files) =>
        files.Count > 0 && member.DeclaringSyntaxReferences.Length > 0 && member.DeclaringSyntaxReferences.All(r => files.Contains(r.SyntaxTree));

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
