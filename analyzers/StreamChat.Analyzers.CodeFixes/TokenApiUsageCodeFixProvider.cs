using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// SCHAT001/SCHAT002: keeps the development or static provider for debug builds only (<c>#if DEBUG</c>) and gives
/// release builds a closure provider of the same family whose fetch the user completes. Both branches compile. Every
/// flagged provider of a statement is replaced in its one release copy, and a provider already in a release-only
/// branch (<c>#else</c> of <c>#if DEBUG</c>) is replaced where it stands, so the result does not depend on the order
/// in which the diagnostics are fixed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TokenApiUsageCodeFixProvider))]
[Shared]
public sealed class TokenApiUsageCodeFixProvider : CodeFixProvider
{
    /// <summary>The equivalence key of the fix, the same for both rules.</summary>
    internal const string EquivalenceKey = "StreamChat.DebugOnlyTokenProvider";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DevelopmentTokenInReleaseId, DiagnosticDescriptors.StaticTokenInReleaseId);

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var plan = await PlanAsync(context.Document, context.Diagnostics, context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (plan?.Fixes(diagnostic) == true)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use it in debug builds only; fetch tokens with a closure provider in release builds",
                        DocumentFixAll.For(context.Document, diagnostic, FixAsync),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(document, diagnostics, cancellationToken).ConfigureAwait(false);
        return plan is null ? document : document.WithText(plan.Text.WithChanges(plan.Changes(cancellationToken)));
    }

    private static async Task<TokenApiFixPlan?> PlanAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var providers = model is null ? null : ReleaseProviders.Create(model.Compilation);
        if (root is null || model is null || providers is null)
        {
            return null;
        }

        var plan = new TokenApiFixPlan(text, model, providers, BuildConfiguration.Read(model.Compilation, document.Project.AnalyzerOptions));
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id is DiagnosticDescriptors.DevelopmentTokenInReleaseId or DiagnosticDescriptors.StaticTokenInReleaseId
                && providers.Find(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true), model, cancellationToken) is { } target)
            {
                plan.Add(diagnostic, target);
            }
        }

        return plan;
    }
}
