using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers;

/// <summary>
/// Finds code that only runs in debug builds: inside an <c>#if DEBUG</c> branch, or in a method marked
/// <c>[Conditional("DEBUG")]</c> (the compiler drops its calls when DEBUG is not defined).
/// </summary>
internal static class DebugOnlyCode
{
    private const string DebugSymbol = "DEBUG";
    private const string ConditionalAttributeName = "System.Diagnostics.ConditionalAttribute";

    /// <summary>Whether <paramref name="node"/> is in a conditional-compilation branch that requires DEBUG.</summary>
    public static bool IsUnderDebugDirective(SyntaxNode node) => EnclosingBranches(node, release: false);

    /// <summary>
    /// Whether <paramref name="node"/> is in a conditional-compilation branch compiled only without DEBUG: the
    /// <c>#else</c> of <c>#if DEBUG</c> (the release branch the SCHAT001/SCHAT002 fix writes), or <c>#if !DEBUG</c>.
    /// </summary>
    public static bool IsUnderReleaseDirective(SyntaxNode node) => EnclosingBranches(node, release: true);

    private static bool EnclosingBranches(SyntaxNode node, bool release)
    {
        var root = node.SyntaxTree.GetRoot();
        var position = node.SpanStart;

        // Each open #if group: what its current branch needs, and whether a condition so far (this branch's included)
        // surely held with DEBUG (then later branches run only without it) or without DEBUG (only with it).
        var groups = new Stack<Group>();
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax @if:
                    groups.Push(Group.Start(@if.Condition));
                    break;
                case ElifDirectiveTriviaSyntax elif when groups.Count > 0:
                    groups.Push(groups.Pop().Next(elif.Condition));
                    break;
                case ElseDirectiveTriviaSyntax when groups.Count > 0:
                    groups.Push(groups.Pop().Next(null));
                    break;
                case EndIfDirectiveTriviaSyntax when groups.Count > 0:
                    groups.Pop();
                    break;
            }
        }

        foreach (var group in groups)
        {
            if (release ? group.BranchNeedsNoDebug : group.BranchNeedsDebug)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="symbol"/> or a member containing it is <c>[Conditional("DEBUG")]</c>.</summary>
    public static bool IsInConditionalDebugMethod(ISymbol? symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is not IMethodSymbol method)
            {
                if (current is INamespaceOrTypeSymbol)
                {
                    return false;
                }

                continue;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == ConditionalAttributeName
                    && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is string condition
                    && string.Equals(condition, DebugSymbol, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private readonly struct Group
    {
        private Group(bool branchNeedsDebug, bool branchNeedsNoDebug, bool heldSoFarWithDebug, bool heldSoFarWithoutDebug)
        {
            BranchNeedsDebug = branchNeedsDebug;
            BranchNeedsNoDebug = branchNeedsNoDebug;
            HeldSoFarWithDebug = heldSoFarWithDebug;
            HeldSoFarWithoutDebug = heldSoFarWithoutDebug;
        }

        public bool BranchNeedsDebug { get; }

        public bool BranchNeedsNoDebug { get; }

        private bool HeldSoFarWithDebug { get; }

        private bool HeldSoFarWithoutDebug { get; }

        public static Group Start(ExpressionSyntax condition) => new Group(false, false, false, false).Next(condition);

        // The next branch: "#elif condition", or "#else" when condition is null.
        public Group Next(ExpressionSyntax? condition) => new(
            HeldSoFarWithoutDebug || (condition is not null && DebugCondition.RequiresDebug(condition)),
            HeldSoFarWithDebug || (condition is not null && DebugCondition.RequiresNoDebug(condition)),
            HeldSoFarWithDebug || (condition is not null && DebugCondition.HoldsWithDebug(condition)),
            HeldSoFarWithoutDebug || (condition is not null && DebugCondition.HoldsWithoutDebug(condition)));
    }
}
