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
    private const string DefaultVariable = "STREAM_CHAT_TOKEN";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.JwtLiteralId);

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

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || !JwtShape.IsJwt(literal.Token.ValueText)
                || EnvironmentVariableRead.IsInConstantContext(literal, model, context.CancellationToken))
            {
                continue;
            }

            var variable = EnvironmentVariableRead.NameFor(literal, DefaultVariable);
            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the token from the {variable} environment variable",
                    cancellationToken => EnvironmentVariableRead.ReplaceAsync(document, literal, variable, cancellationToken),
                    equivalenceKey: nameof(JwtLiteralCodeFixProvider)),
                diagnostic);
        }
    }
}
