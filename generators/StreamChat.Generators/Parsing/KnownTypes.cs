using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using StreamChat.Rules;

namespace StreamChat.Generators.Parsing;

/// <summary>The types the rules compare against, resolved once per compilation.</summary>
internal sealed class KnownTypes
{
    public const string TokenClaimsAttributeName = "StreamChat.Claims.TokenClaimsAttribute";
    public const string ClaimAttributeName = "StreamChat.Claims.ClaimAttribute";
    public const string UserIdAttributeName = "StreamChat.Claims.UserIdAttribute";

    // The transform asks once per record; GetTypesByMetadataName, unlike GetTypeByMetadataName, is not cached by the
    // compiler and walks every reference: without this table 1,000 records cost 1,000 walks per run (3× the steady state).
    private static readonly ConditionalWeakTable<Compilation, KnownTypes> PerCompilation = new();

    private KnownTypes(Compilation compilation)
    {
        TokenClaimsAttribute = compilation.GetBestTypeByMetadataName(TokenClaimsAttributeName);
        ClaimAttribute = compilation.GetBestTypeByMetadataName(ClaimAttributeName);
        UserIdAttribute = compilation.GetBestTypeByMetadataName(UserIdAttributeName);
        Token = compilation.GetBestTypeByMetadataName("StreamChat.Token");
        ITokenClaims = compilation.GetBestTypeByMetadataName("StreamChat.Claims.ITokenClaims");
        JwtSigningKey = compilation.GetBestTypeByMetadataName("StreamChat.Jwt.JwtSigningKey");
        GeneratedCodeAttribute = compilation.GetBestTypeByMetadataName("System.CodeDom.Compiler.GeneratedCodeAttribute");
        TimeSpan = compilation.GetBestTypeByMetadataName("System.TimeSpan");
        Guid = compilation.GetBestTypeByMetadataName("System.Guid");
        DateTimeOffset = compilation.GetBestTypeByMetadataName("System.DateTimeOffset");
        List = compilation.GetBestTypeByMetadataName("System.Collections.Generic.List`1");
        IList = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IList`1");
        ICollection = compilation.GetBestTypeByMetadataName("System.Collections.Generic.ICollection`1");
        IReadOnlyList = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IReadOnlyList`1");
        IReadOnlyCollection = compilation.GetBestTypeByMetadataName("System.Collections.Generic.IReadOnlyCollection`1");
        IEnumerable = compilation.GetSpecialType(SpecialType.System_Collections_Generic_IEnumerable_T);
        CanUseNotNullWhen = compilation.GetBestTypeByMetadataName("System.Diagnostics.CodeAnalysis.NotNullWhenAttribute") is { } notNullWhen
            && compilation.IsSymbolAccessibleWithin(notNullWhen, compilation.Assembly);
        CanUseHttpClient = compilation.GetBestTypeByMetadataName("System.Net.Http.HttpClient") is { } httpClient
            && compilation.IsSymbolAccessibleWithin(httpClient, compilation.Assembly);
    }

    public INamedTypeSymbol? TokenClaimsAttribute { get; }

    public INamedTypeSymbol? ClaimAttribute { get; }

    public INamedTypeSymbol? UserIdAttribute { get; }

    public INamedTypeSymbol? Token { get; }

    public INamedTypeSymbol? ITokenClaims { get; }

    public INamedTypeSymbol? JwtSigningKey { get; }

    public INamedTypeSymbol? GeneratedCodeAttribute { get; }

    public INamedTypeSymbol? TimeSpan { get; }

    public INamedTypeSymbol? Guid { get; }

    public INamedTypeSymbol? DateTimeOffset { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? IList { get; }

    public INamedTypeSymbol? ICollection { get; }

    public INamedTypeSymbol? IReadOnlyList { get; }

    public INamedTypeSymbol? IReadOnlyCollection { get; }

    public INamedTypeSymbol? IEnumerable { get; }

    /// <summary>Whether the compilation can use <c>NotNullWhenAttribute</c> (not every target framework has it).</summary>
    public bool CanUseNotNullWhen { get; }

    /// <summary>
    /// Whether the compilation can name <c>HttpClient</c>: a .NET Framework project references System.Net.Http only when
    /// asked to (the package's targets ask; Unity and old-style projects may not), and naming it otherwise is CS1069.
    /// </summary>
    public bool CanUseHttpClient { get; }

    public static KnownTypes From(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new KnownTypes(c));

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);
}
