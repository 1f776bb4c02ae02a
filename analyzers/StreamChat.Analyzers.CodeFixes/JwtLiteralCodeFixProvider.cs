using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// SCHAT003: replaces a string literal that is a JWT with a read of an environment variable, so the token leaves
/// the source. Not offered where a constant is required, for UTF-8 literals, or when the JWT is part of a longer text.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(JwtLiteralCodeFixProvider))]
[Shared]
public sealed class JwtLiteralCodeFixProvider : CodeFixProvider
{
    internal const string DefaultVariable = "STREAM_CHAT_TOKEN";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.JwtLiteralId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || model is null || FixableLiteral(root, model, diagnostic, context.CancellationToken) is not { } literal)
            {
                continue;
            }

            var variable = EnvironmentVariableRead.NameFor(literal, DefaultVariable);
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the token from the {variable} environment variable",
                    DocumentFixAll.For(context.Document, diagnostic, FixAsync),
                    equivalenceKey: nameof(JwtLiteralCodeFixProvider)),
                diagnostic);
        }
    }

    private static Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        EnvironmentVariableRead.ReplaceAllAsync(
            document,
            diagnostics,
            (root, model, diagnostic, cancellation) => FixableLiteral(root, model, diagnostic, cancellation) is { } literal
                ? (literal, EnvironmentVariableRead.NameFor(literal, DefaultVariable))
                : null,
            cancellationToken);

    // A regular or verbatim string literal that is exactly a JWT, where a run-time value may stand.
    private static LiteralExpressionSyntax? FixableLiteral(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken) =>
        diagnostic.Id == DiagnosticDescriptors.JwtLiteralId
        && root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal
        && literal.IsKind(SyntaxKind.StringLiteralExpression)
        && JwtShape.IsJwt(literal.Token.ValueText)
        && !EnvironmentVariableRead.IsInConstantContext(literal, model, cancellationToken)
            ? literal
            : null;
}
