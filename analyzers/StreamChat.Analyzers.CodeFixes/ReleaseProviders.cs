using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamChat.Rules;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>A flagged provider expression and the closure factory whose <c>Closure</c> replaces it in release builds.</summary>
internal readonly struct ProviderTarget
{
    public ProviderTarget(ExpressionSyntax expression, INamedTypeSymbol factory)
    {
        Expression = expression;
        Factory = factory;
    }

    public ExpressionSyntax Expression { get; }

    /// <summary><c>TokenProvider</c>, or the generated <c>XTokenProvider</c> whose closure checks the claims.</summary>
    public INamedTypeSymbol Factory { get; }
}

/// <summary>
/// Finds what the SCHAT001/SCHAT002 fix replaces, and with what: a development or static provider of the runtime becomes
/// <c>TokenProvider.Closure(…)</c>, one of a generated <c>XTokenProvider</c> becomes <c>XTokenProvider.Closure(…)</c>, so the
/// release provider still checks the claims. A user's own marked wrapper gets no fix: which provider it stands for is
/// the wrapper's business.
/// </summary>
internal sealed class ReleaseProviders
{
    private const string TokenProviderMetadataName = "StreamChat.TokenProvider";
    private const string GeneratorName = "StreamChat.Generators";
    private const string ClaimsFactoryMetadataName = "StreamChat.Claims.ClaimsTokenProviderFactory`2";

    private readonly INamedTypeSymbol _tokenProvider;
    private readonly INamedTypeSymbol _fetch;
    private readonly TokenApiMarkers _markers;
    private readonly INamedTypeSymbol? _claimsFactory;

    /// <summary>The marker attributes the analyzer recognises token APIs by.</summary>
    public TokenApiMarkers Markers => _markers;

    private ReleaseProviders(INamedTypeSymbol tokenProvider, INamedTypeSymbol fetch, TokenApiMarkers markers, INamedTypeSymbol? claimsFactory)
    {
        _claimsFactory = claimsFactory;
        _tokenProvider = tokenProvider;
        _fetch = fetch;
        _markers = markers;
    }

    /// <summary>The lookups for <paramref name="compilation"/>, or null when it does not reference StreamChat.Client.</summary>
    public static ReleaseProviders? Create(Compilation compilation)
    {
        var tokenProvider = compilation.GetBestTypeByMetadataName(TokenProviderMetadataName);
        var token = compilation.GetBestTypeByMetadataName("StreamChat.Token");
        var func = compilation.GetBestTypeByMetadataName("System.Func`2");
        var task = compilation.GetBestTypeByMetadataName("System.Threading.Tasks.Task`1");
        var cancellationToken = compilation.GetBestTypeByMetadataName("System.Threading.CancellationToken");
        var markers = TokenApiMarkers.Find(compilation);
        if (tokenProvider is null || token is null || func is null || task is null || cancellationToken is null || markers is null)
        {
            return null;
        }

        return new ReleaseProviders(tokenProvider, func.Construct(cancellationToken, task.Construct(token)), markers, compilation.GetBestTypeByMetadataName(ClaimsFactoryMetadataName));
    }

    /// <summary>
    /// The provider expression to replace for a diagnostic on <paramref name="flagged"/>: the flagged expression itself
    /// when it makes a provider, or the marked provider call it is an argument of
    /// (<c>TokenProvider.Static(Token.Development(id))</c> is replaced as a whole).
    /// </summary>
    public ProviderTarget? Find(SyntaxNode flagged, SemanticModel model, CancellationToken cancellationToken)
    {
        for (SyntaxNode? node = flagged; node is not null and not StatementSyntax and not LambdaExpressionSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is not ExpressionSyntax expression
                || !SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(expression, cancellationToken).Type, _tokenProvider))
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            if (symbol is null || _markers.KindOf(symbol) == TokenApiKind.None || expression.ContainsDirectives)
            {
                return null;
            }

            return FactoryOf(symbol, expression, model, cancellationToken) is { } factory ? new ProviderTarget(expression, factory) : null;
        }

        return null;
    }

    /// <summary><c>Factory.Closure(cancellationToken => throw new NotImplementedException(…))</c>, with names that bind at <paramref name="position"/>.</summary>
    public static string ClosureExpression(SemanticModel model, int position, INamedTypeSymbol factory)
    {
        var exception = TypeNames.At(model, position, "System.NotImplementedException");
        var parameter = FreeName(model, position, "cancellationToken", "ct", "cancellation");
        return $"{TypeNames.At(model, position, factory)}.Closure({parameter} => throw new {exception}(\"Fetch this user's token from your backend.\"))";
    }

    // The runtime's own APIs are closed with TokenProvider.Closure; a generated factory with its typed Closure. A generated
    // XTokenProvider inherits its factories from the runtime's ClaimsTokenProviderFactory<TClaims, TFormat>, so a call
    // through it is closed through it too (XTokenProvider.Closure), or through that base when written without the class.
    private INamedTypeSymbol? FactoryOf(ISymbol api, ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
    {
        var type = api.ContainingType;
        if (type is not null && FactoryBase(type) is { } factoryBase)
        {
            return expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                && model.GetSymbolInfo(access.Expression, cancellationToken).Symbol is INamedTypeSymbol receiver
                && IsGenerated(receiver) && HasTypedClosure(receiver)
                ? receiver
                : factoryBase;
        }

        if (SymbolEqualityComparer.Default.Equals(api.ContainingAssembly, _tokenProvider.ContainingAssembly))
        {
            return _tokenProvider;
        }

        return type is not null && IsGenerated(type) && HasTypedClosure(type) ? type : null;
    }

    // The constructed ClaimsTokenProviderFactory<TClaims, TFormat> that is or is a base of type, if any.
    private INamedTypeSymbol? FactoryBase(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, _claimsFactory))
            {
                return current;
            }
        }

        return null;
    }

    private static bool IsGenerated(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
                && attribute.ConstructorArguments.Length > 0
                && attribute.ConstructorArguments[0].Value as string == GeneratorName)
            {
                return true;
            }
        }

        return false;
    }

    // Declared or inherited: the generated class inherits its Closure from the runtime's generic factory.
    private bool HasTypedClosure(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Closure"))
            {
                if (member is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, Parameters.Length: 1 } method
                    && SymbolEqualityComparer.Default.Equals(method.ReturnType, _tokenProvider)
                    && SymbolEqualityComparer.Default.Equals(method.Parameters[0].Type, _fetch))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A lambda parameter that hides no local or parameter in scope (C# before 8 rejects that, CS0136).
    private static string FreeName(SemanticModel model, int position, params string[] candidates)
    {
        foreach (var candidate in candidates)
        {
            if (model.LookupSymbols(position, name: candidate).IsEmpty)
            {
                return candidate;
            }
        }

        for (var i = 1; ; i++)
        {
            if (model.LookupSymbols(position, name: candidates[0] + i).IsEmpty)
            {
                return candidates[0] + i;
            }
        }
    }
}
