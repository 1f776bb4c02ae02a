using System.Collections.Immutable;
using System.Composition;
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
    private const string Variable = "STREAM_API_SECRET";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticDescriptors.ApiSecretLiteralId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ArgumentSyntax>() is not { } argument)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Read the API secret from the {Variable} environment variable",
                    cancellationToken => EnvironmentVariableRead.ReplaceAsync(document, argument.Expression, Variable, cancellationToken),
                    equivalenceKey: nameof(ApiSecretLiteralCodeFixProvider)),
                diagnostic);
        }
    }
}
