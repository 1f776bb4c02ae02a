using Microsoft.CodeAnalysis;
using StreamChat.Rules;

namespace StreamChat.Analyzers;

/// <summary>Which kind of token API a member is, read from its marker attribute.</summary>
internal enum TokenApiKind
{
    None,
    Static,
    Development,
}

/// <summary>
/// Recognises token APIs by the marker attributes of StreamChat.Client, never by name, so generated factories and
/// a user's own marked wrappers are covered the same way as the runtime API.
/// </summary>
internal sealed class TokenApiMarkers
{
    internal const string DevelopmentMetadataName = "StreamChat.Annotations.DevelopmentTokenApiAttribute";
    internal const string StaticMetadataName = "StreamChat.Annotations.StaticTokenApiAttribute";

    private readonly INamedTypeSymbol? _development;
    private readonly INamedTypeSymbol? _static;

    private TokenApiMarkers(INamedTypeSymbol? development, INamedTypeSymbol? @static)
    {
        _development = development;
        _static = @static;
    }

    /// <summary>The markers of <paramref name="compilation"/>, or null when it does not reference StreamChat.Client.</summary>
    public static TokenApiMarkers? Find(Compilation compilation)
    {
        var development = compilation.GetBestTypeByMetadataName(DevelopmentMetadataName);
        var @static = compilation.GetBestTypeByMetadataName(StaticMetadataName);
        return development is null && @static is null ? null : new TokenApiMarkers(development, @static);
    }

    /// <summary>The kind of <paramref name="symbol"/>: a method, constructor or property carrying a marker.</summary>
    public TokenApiKind KindOf(ISymbol symbol)
    {
        var definition = symbol switch
        {
            IMethodSymbol { ReducedFrom: { } extension } => extension.OriginalDefinition,
            _ => symbol.OriginalDefinition,
        };

        var kind = TokenApiKind.None;
        foreach (var attribute in definition.GetAttributes())
        {
            var attributeClass = attribute.AttributeClass;
            if (attributeClass is null)
            {
                continue;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, _development))
            {
                return TokenApiKind.Development;
            }

            if (SymbolEqualityComparer.Default.Equals(attributeClass, _static))
            {
                kind = TokenApiKind.Static;
            }
        }

        return kind;
    }
}
