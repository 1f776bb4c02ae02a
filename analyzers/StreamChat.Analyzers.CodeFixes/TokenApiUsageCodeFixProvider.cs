using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// SCHAT001/SCHAT002: keeps the development or static provider for debug builds only (<c>#if DEBUG</c>) and gives
/// release builds a closure provider whose fetch the user completes. Both branches compile.
/// </summary>
[ExportCodeFixProvider(Microsoft.CodeAnalysis.LanguageNames.CSharp, Name = nameof(TokenApiUsageCodeFixProvider))]
[Shared]
public sealed class TokenApiUsageCodeFixProvider : CodeFixProvider
{
    private const string TokenProviderMetadataName = "StreamChat.TokenProvider";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DevelopmentTokenInReleaseId, DiagnosticDescriptors.StaticTokenInReleaseId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var tokenProvider = model.Compilation.GetTypeByMetadataName(TokenProviderMetadataName);
        var markers = TokenApiMarkers.Find(model.Compilation);
        if (tokenProvider is null || markers is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var flagged = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var target = FindProviderExpression(flagged, model, tokenProvider, markers, context.CancellationToken);
            var text = await context.Document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            var wrapped = target is null ? null : DebugOnlyRewrite.FindWrappable(target, text);
            if (target is null || wrapped is null)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use it in debug builds only; fetch tokens with a closure provider in release builds",
                    cancellationToken => ApplyAsync(document, target, wrapped, model, cancellationToken),
                    equivalenceKey: nameof(TokenApiUsageCodeFixProvider)),
                diagnostic);
        }
    }

    // The expression producing the TokenProvider: the flagged one, or the marked provider call it is an argument of
    // (TokenProvider.Static(Token.Development(id)) is fixed as a whole).
    private static ExpressionSyntax? FindProviderExpression(
        SyntaxNode flagged, SemanticModel model, INamedTypeSymbol tokenProvider, TokenApiMarkers markers, CancellationToken cancellationToken)
    {
        for (SyntaxNode? node = flagged; node is not null and not StatementSyntax and not LambdaExpressionSyntax and not MemberDeclarationSyntax; node = node.Parent)
        {
            if (node is not ExpressionSyntax expression)
            {
                continue;
            }

            var type = model.GetTypeInfo(expression, cancellationToken).Type;
            if (!SymbolEqualityComparer.Default.Equals(type, tokenProvider))
            {
                continue;
            }

            if (node == flagged)
            {
                return expression;
            }

            var symbol = model.GetSymbolInfo(expression, cancellationToken).Symbol;
            return symbol is not null && markers.KindOf(symbol) != TokenApiKind.None ? expression : null;
        }

        return null;
    }

    private static async Task<Document> ApplyAsync(
        Document document, ExpressionSyntax target, SyntaxNode wrapped, SemanticModel model, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var provider = TypeNames.At(model, target.SpanStart, TokenProviderMetadataName);
        var exception = TypeNames.At(model, target.SpanStart, "System.NotImplementedException");
        var release = $"{provider}.Closure(cancellationToken => throw new {exception}(\"Fetch this user's token from your backend.\"))";
        return document.WithText(text.WithChanges(DebugOnlyRewrite.Wrap(text, wrapped, target, release)));
    }
}
