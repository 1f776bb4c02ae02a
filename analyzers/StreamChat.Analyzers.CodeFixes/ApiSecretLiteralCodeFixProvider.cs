using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>SCHAT004: passes the API secret read from the <c>STREAM_API_SECRET</c> environment variable instead of the constant.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiSecretLiteralCodeFixProvider))]
[Shared]
public sealed class ApiSecretLiteralCodeFixProvider : CodeFixProvider
{
    internal const string Variable = "STREAM_API_SECRET";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ApiSecretLiteralId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is not null && SecretOf(root, diagnostic) is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Read the API secret from the {Variable} environment variable",
                        DocumentFixAll.For(context.Document, diagnostic, FixAsync),
                        equivalenceKey: nameof(ApiSecretLiteralCodeFixProvider)),
                    diagnostic);
            }
        }
    }

    private static Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        EnvironmentVariableRead.ReplaceAllAsync(
            document,
            diagnostics,
            (root, _, diagnostic, _) => SecretOf(root, diagnostic) is { } secret ? (secret, Variable) : null,
            cancellationToken);

    private static ExpressionSyntax? SecretOf(SyntaxNode root, Diagnostic diagnostic) =>
        diagnostic.Id == DiagnosticDescriptors.ApiSecretLiteralId
            ? root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ArgumentSyntax>()?.Expression
            : null;
}
