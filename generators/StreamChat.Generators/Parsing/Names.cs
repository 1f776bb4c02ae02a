using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StreamChat.Generators.Parsing;

/// <summary>Naming helpers shared by the rules and the emitter.</summary>
internal static class Names
{
    /// <summary>The default claim name of a property: <c>UserId</c> → <c>user_id</c>, <c>HTTPStatus</c> → <c>http_status</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_'
                    && (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// An identifier as it must be written in code: keywords get an <c>@</c>, and so do contextual ones, since a type
    /// named <c>record</c> or <c>var</c> is an error without it.
    /// </summary>
    public static string Escape(string identifier) =>
        SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None
            ? "@" + identifier
            : identifier;

    /// <summary>The accessibility keywords of a type; top-level types without one are internal.</summary>
    public static string Accessibility(INamedTypeSymbol type) => type.DeclaredAccessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Private => "private",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "internal",
    };

    /// <summary>The hint name of a record's generated file, unique per type: <c>MyApp.Outer.ChatClaims.g.cs</c>.</summary>
    public static string HintName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            builder.Insert(0, "." + current.MetadataName);
        }

        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            builder.Insert(0, "." + ns.Name);
        }

        return builder.ToString(1, builder.Length - 1).Replace('`', '_').Replace('<', '_').Replace('>', '_') + ".g.cs";
    }

    /// <summary>The declaration keyword that re-opens <paramref name="type"/> as a partial type.</summary>
    public static string DeclarationKeyword(INamedTypeSymbol type)
    {
        if (type.IsRecord)
        {
            return type.IsValueType ? "record struct" : "record";
        }

        return type.TypeKind switch
        {
            TypeKind.Struct => "struct",
            TypeKind.Interface => "interface",
            _ => "class",
        };
    }

    /// <summary>A type's name with its type parameters, as written in its declaration.</summary>
    public static string NameWithTypeParameters(INamedTypeSymbol type)
    {
        var name = Escape(type.Name);
        if (type.TypeParameters.Length == 0)
        {
            return name;
        }

        var builder = new StringBuilder(name).Append('<');
        for (var i = 0; i < type.TypeParameters.Length; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(Escape(type.TypeParameters[i].Name));
        }

        return builder.Append('>').ToString();
    }
}
