using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// Wraps a statement or member in <c>#if DEBUG … #else … #endif</c>: the original stays for debug builds and a copy
/// with expressions replaced is compiled in every other build. Works on whole lines, so the statement or member must
/// have its lines to itself; directives before it (the <c>#endif</c> of an earlier fix) stay outside, and directives
/// inside it must form complete groups.
/// </summary>
internal static class DebugOnlyRewrite
{
    /// <summary>
    /// The innermost statement or member around <paramref name="expression"/> that has its lines to itself, or null when
    /// none can be wrapped: it shares a line of a multi-line block with other code, or holds an incomplete directive group.
    /// </summary>
    public static SyntaxNode? FindWrappable(SyntaxNode expression, SourceText text)
    {
        foreach (var ancestor in expression.Ancestors())
        {
            switch (ancestor)
            {
                case BlockSyntax block when Line(text, block.OpenBraceToken.SpanStart) != Line(text, block.CloseBraceToken.SpanStart):
                case BaseTypeDeclarationSyntax or BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                    return null;
                case StatementSyntax and not BlockSyntax:
                case BaseFieldDeclarationSyntax or BasePropertyDeclarationSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    if (HasLinesToItself(ancestor, text))
                    {
                        return WrappedDirectives.AreComplete(ancestor) ? ancestor : null;
                    }

                    break;
            }
        }

        return null;
    }

    /// <summary>The lines <paramref name="wrapped"/> covers, without the last line break.</summary>
    public static TextSpan LinesOf(SyntaxNode wrapped, SourceText text) =>
        TextSpan.FromBounds(text.Lines.GetLineFromPosition(wrapped.SpanStart).Start, text.Lines.GetLineFromPosition(wrapped.Span.End).End);

    /// <summary>
    /// The text change that wraps <paramref name="wrapped"/>. Both copies get <paramref name="everywhere"/>; the release
    /// copy also gets <paramref name="releaseOnly"/>, which win over changes they contain. <c>#if DEBUG</c> groups inside
    /// are resolved: each copy keeps only the branch its build compiles.
    /// </summary>
    public static TextChange Wrap(SourceText text, SyntaxNode wrapped, IReadOnlyList<TextChange> releaseOnly, IReadOnlyList<TextChange> everywhere)
    {
        var lines = LinesOf(wrapped, text);
        var firstLine = text.Lines.GetLineFromPosition(lines.Start);
        var lastLine = text.Lines.GetLineFromPosition(lines.End);
        var indent = text.ToString(TextSpan.FromBounds(firstLine.Start, wrapped.SpanStart));
        var newLine = lastLine.EndIncludingLineBreak > lastLine.End
            ? text.ToString(TextSpan.FromBounds(lastLine.End, lastLine.EndIncludingLineBreak))
            : "\n";

        var debugCopy = Copy(text, lines, WrappedDirectives.LinesOutside(wrapped, text, debug: true), everywhere);
        var releaseCopy = Copy(text, lines, WrappedDirectives.LinesOutside(wrapped, text, debug: false), releaseOnly.Concat(everywhere.Where(c => !WithinAny(c.Span, releaseOnly))));
        var builder = new StringBuilder()
            .Append(indent).Append("#if DEBUG").Append(newLine)
            .Append(debugCopy).Append(newLine)
            .Append(indent).Append("#else").Append(newLine)
            .Append(releaseCopy).Append(newLine)
            .Append(indent).Append("#endif");
        return new TextChange(lines, builder.ToString());
    }

    // The text of the lines in span without the dropped lines, with the changes that fall on kept lines.
    private static string Copy(SourceText text, TextSpan span, IReadOnlyCollection<int> droppedLines, IEnumerable<TextChange> changes)
    {
        var all = new List<TextChange>();
        foreach (var line in droppedLines)
        {
            all.Add(new TextChange(text.Lines[line].SpanIncludingLineBreak, string.Empty));
        }

        foreach (var change in changes)
        {
            if (!WithinAny(change.Span, all))
            {
                all.Add(change);
            }
        }

        all.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var changed = text.WithChanges(all);
        var length = span.Length + all.Sum(c => c.NewText!.Length - c.Span.Length);
        return changed.ToString(new TextSpan(span.Start, length));
    }

    private static bool WithinAny(TextSpan span, IEnumerable<TextChange> changes) => changes.Any(c => c.Span.Contains(span) && c.Span != span);

    private static bool HasLinesToItself(SyntaxNode node, SourceText text)
    {
        var lines = LinesOf(node, text);
        var before = text.ToString(TextSpan.FromBounds(lines.Start, node.SpanStart));
        var after = text.ToString(TextSpan.FromBounds(node.Span.End, lines.End)).Trim();
        return before.Trim().Length == 0 && (after.Length == 0 || after.StartsWith("//"));
    }

    private static int Line(SourceText text, int position) => text.Lines.GetLineFromPosition(position).LineNumber;
}
