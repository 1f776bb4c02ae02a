using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers.CodeFixes.ClaimsRecords;

/// <summary>
/// Fixes the claims-record rules that have a safe mechanical fix: SCHAT101 (the record is not partial) and SCHAT109
/// (a type the record is nested in is not partial). Adding <c>partial</c> changes nothing else about a type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClaimsRecordCodeFixProvider))]
[Shared]
public sealed class ClaimsRecordCodeFixProvider : CodeFixProvider
{
    /// <summary>The id of the "claims record must be partial" rule, reported by the generator assembly's analyzer.</summary>
    public const string NotPartialId = "SCHAT101";

    /// <summary>The id of the "type containing a claims record must be partial" rule.</summary>
    public const string ContainingTypeNotPartialId = "SCHAT109";

    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(NotPartialId, ContainingTypeNotPartialId);

    /// <summary>The equivalence key of both fixes: each adds <c>partial</c>, so they are one kind of fix.</summary>
    internal const string EquivalenceKey = "StreamChat.AddPartial";

    /// <inheritdoc/>
    public override FixAllProvider GetFixAllProvider() => DocumentFixAll.Create(FixAsync);

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in context.Diagnostics)
        {
            if (root is null || Targets(root, diagnostic).Length == 0)
            {
                continue;
            }

            var title = diagnostic.Id == NotPartialId ? "Make the claims record partial" : "Make the containing types partial";
            context.RegisterCodeFix(
                CodeAction.Create(title, DocumentFixAll.For(context.Document, diagnostic, FixAsync), EquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var targets = new HashSet<TypeDeclarationSyntax>();
        foreach (var diagnostic in diagnostics)
        {
            targets.UnionWith(Targets(root, diagnostic));
        }

        return targets.Count == 0 ? document : document.WithSyntaxRoot(root.ReplaceNodes(targets, (_, rewritten) => AddPartial(rewritten)));
    }

    // The declarations that lack partial: the record itself (SCHAT101) or every type it is nested in (SCHAT109).
    private static TypeDeclarationSyntax[] Targets(SyntaxNode root, Diagnostic diagnostic)
    {
        if (diagnostic.Id is not (NotPartialId or ContainingTypeNotPartialId)
            || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } record)
        {
            return System.Array.Empty<TypeDeclarationSyntax>();
        }

        var declarations = diagnostic.Id == NotPartialId ? new[] { record } : record.Ancestors().OfType<TypeDeclarationSyntax>().ToArray();
        return declarations.Where(d => !d.Modifiers.Any(SyntaxKind.PartialKeyword)).ToArray();
    }

    /// <summary>Adds <c>partial</c> as the last modifier, where C# requires it, keeping the declaration's layout.</summary>
    private static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax declaration)
    {
        if (declaration.Modifiers.Count > 0)
        {
            return declaration.AddModifiers(SyntaxFactory.Token(SyntaxKind.PartialKeyword).WithTrailingTrivia(SyntaxFactory.Space));
        }

        // Without modifiers the keyword carries the line's indentation; the new first token takes it over.
        var keyword = declaration.Keyword;
        var partial = SyntaxFactory.Token(keyword.LeadingTrivia, SyntaxKind.PartialKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        return declaration
            .WithKeyword(keyword.WithLeadingTrivia(SyntaxFactory.TriviaList()))
            .WithModifiers(SyntaxFactory.TokenList(partial));
    }
}
