using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>The preprocessor directives inside a statement or member that <see cref="DebugOnlyRewrite"/> copies.</summary>
internal static class WrappedDirectives
{
    /// <summary>
    /// Whether every directive inside <paramref name="node"/> (its leading trivia aside) belongs to a group that starts
    /// and ends inside it (<c>#if…#endif</c>, <c>#region…#endregion</c>) or stands alone harmlessly (<c>#pragma</c>,
    /// <c>#nullable</c>), so copying the node's lines keeps every group whole.
    /// </summary>
    public static bool AreComplete(SyntaxNode node)
    {
        var openIfs = 0;
        var openRegions = 0;
        foreach (var directive in Inside(node))
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax:
                    openIfs++;
                    break;
                case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax when openIfs > 0:
                    break;
                case EndIfDirectiveTriviaSyntax when openIfs > 0:
                    openIfs--;
                    break;
                case RegionDirectiveTriviaSyntax:
                    openRegions++;
                    break;
                case EndRegionDirectiveTriviaSyntax when openRegions > 0:
                    openRegions--;
                    break;
                case PragmaWarningDirectiveTriviaSyntax or PragmaChecksumDirectiveTriviaSyntax or NullableDirectiveTriviaSyntax
                    or WarningDirectiveTriviaSyntax or ErrorDirectiveTriviaSyntax:
                    break;
                default:
                    return false;
            }
        }

        return openIfs == 0 && openRegions == 0;
    }

    /// <summary>
    /// The line numbers a copy of <paramref name="node"/> leaves out when it is put in the debug (or release) branch:
    /// for each <c>#if DEBUG</c> or <c>#if !DEBUG</c> group inside, its directives and the branch that build never
    /// compiles. Other groups are copied whole.
    /// </summary>
    public static HashSet<int> LinesOutside(SyntaxNode node, SourceText text, bool debug)
    {
        var dropped = new HashSet<int>();
        foreach (var directive in Inside(node))
        {
            if (directive is not IfDirectiveTriviaSyntax @if || DebugCondition.IsExactly(@if.Condition) is not { } isDebug)
            {
                continue;
            }

            var related = @if.GetRelatedDirectives();
            if (related.Count is < 2 or > 3 || (related.Count == 3 && related[1] is not ElseDirectiveTriviaSyntax))
            {
                continue;
            }

            var ifLine = LineOf(text, related[0]);
            var endLine = LineOf(text, related[related.Count - 1]);
            var elseLine = related.Count == 3 ? LineOf(text, related[1]) : endLine;

            // The first branch is the one this copy's build compiles when "#if DEBUG" meets the debug copy, or "#if !DEBUG" the release copy.
            if (isDebug == debug)
            {
                dropped.Add(ifLine);
                AddRange(dropped, elseLine, endLine);
            }
            else
            {
                AddRange(dropped, ifLine, elseLine);
                dropped.Add(endLine);
            }
        }

        return dropped;
    }

    private static IEnumerable<DirectiveTriviaSyntax> Inside(SyntaxNode node)
    {
        foreach (var trivia in node.DescendantTrivia(node.Span))
        {
            if (trivia.IsDirective && trivia.SpanStart >= node.SpanStart && trivia.GetStructure() is DirectiveTriviaSyntax directive)
            {
                yield return directive;
            }
        }
    }

    private static int LineOf(SourceText text, SyntaxNode directive) => text.Lines.GetLineFromPosition(directive.SpanStart).LineNumber;

    private static void AddRange(HashSet<int> lines, int from, int to)
    {
        for (var line = from; line <= to; line++)
        {
            lines.Add(line);
        }
    }
}
