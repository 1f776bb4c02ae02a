using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// Wraps a statement or member in <c>#if DEBUG … #else … #endif</c>: the original stays for debug builds and a copy
/// with one expression replaced is compiled in every other build. Works on whole lines, so it is only offered for
/// a statement or member that has its lines to itself and contains no block or directive.
/// </summary>
internal static class DebugOnlyRewrite
{
    /// <summary>The statement or member to wrap around <paramref name="expression"/>, or null when none is safe.</summary>
    public static SyntaxNode? FindWrappable(SyntaxNode expression, SourceText text)
    {
        SyntaxNode? candidate = null;
        foreach (var ancestor in expression.Ancestors())
        {
            if (ancestor is StatementSyntax and not BlockSyntax
                || ancestor is BaseFieldDeclarationSyntax or PropertyDeclarationSyntax or BaseMethodDeclarationSyntax)
            {
                candidate = ancestor;
                break;
            }

            if (ancestor is BlockSyntax or TypeDeclarationSyntax)
            {
                return null;
            }
        }

        if (candidate is null || candidate.ContainsDirectives)
        {
            return null;
        }

        foreach (var node in candidate.DescendantNodes())
        {
            if (node is BlockSyntax)
            {
                return null;
            }
        }

        var firstLine = text.Lines.GetLineFromPosition(candidate.SpanStart);
        var lastLine = text.Lines.GetLineFromPosition(candidate.Span.End);
        var before = text.ToString(TextSpan.FromBounds(firstLine.Start, candidate.SpanStart));
        var after = text.ToString(TextSpan.FromBounds(candidate.Span.End, lastLine.End)).Trim();
        return before.Trim().Length == 0 && (after.Length == 0 || after.StartsWith("//")) ? candidate : null;
    }

    /// <summary>The text change that wraps <paramref name="wrapped"/> and puts <paramref name="releaseExpression"/> in its release copy.</summary>
    public static TextChange Wrap(SourceText text, SyntaxNode wrapped, SyntaxNode replaced, string releaseExpression)
    {
        var firstLine = text.Lines.GetLineFromPosition(wrapped.SpanStart);
        var lastLine = text.Lines.GetLineFromPosition(wrapped.Span.End);
        var linesSpan = TextSpan.FromBounds(firstLine.Start, lastLine.End);
        var lines = text.ToString(linesSpan);
        var indent = text.ToString(TextSpan.FromBounds(firstLine.Start, wrapped.SpanStart));
        var newLine = lastLine.EndIncludingLineBreak > lastLine.End
            ? text.ToString(TextSpan.FromBounds(lastLine.End, lastLine.EndIncludingLineBreak))
            : "\n";

        var offset = replaced.SpanStart - linesSpan.Start;
        var releaseLines = lines.Substring(0, offset) + releaseExpression + lines.Substring(offset + replaced.Span.Length);

        var builder = new StringBuilder()
            .Append(indent).Append("#if DEBUG").Append(newLine)
            .Append(lines).Append(newLine)
            .Append(indent).Append("#else").Append(newLine)
            .Append(releaseLines).Append(newLine)
            .Append(indent).Append("#endif");
        return new TextChange(linesSpan, builder.ToString());
    }
}
