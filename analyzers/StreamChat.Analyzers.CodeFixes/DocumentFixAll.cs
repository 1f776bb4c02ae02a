using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>Rewrites one document for the given diagnostics; returns the document unchanged when none can be fixed.</summary>
internal delegate Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken);

/// <summary>
/// The fix-all strategy of every StreamChat code fix: a document-based <see cref="FixAllProvider"/> that rewrites each
/// document once, with the same code as the single fix, for all of its diagnostics together. The batch fixer instead
/// merges changes computed one diagnostic at a time and drops those that overlap (two flagged calls in one
/// statement), and keeps only actions whose equivalence key matches the one the host passes, which
/// <c>dotnet format</c> takes from the first diagnostic it finds, of any id, or leaves null.
/// </summary>
internal static class DocumentFixAll
{
    public static FixAllProvider Create(FixDocumentAsync fix) =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
            diagnostics.IsEmpty ? document : await fix(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    /// <summary>The single fix of <paramref name="diagnostic"/>: the fix-all code applied to it alone.</summary>
    public static System.Func<CancellationToken, Task<Document>> For(Document document, Diagnostic diagnostic, FixDocumentAsync fix) =>
        cancellationToken => fix(document, ImmutableArray.Create(diagnostic), cancellationToken);
}
