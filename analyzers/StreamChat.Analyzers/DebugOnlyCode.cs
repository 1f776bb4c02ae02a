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
    public static bool IsUnderDebugDirective(SyntaxNode node)
    {
        var root = node.SyntaxTree.GetRoot();
        var position = node.SpanStart;

        // Each open #if group holds whether its current branch requires DEBUG and whether an earlier branch's
        // condition was "!DEBUG" (then #else/#elif branches after it run only with DEBUG).
        var branches = new Stack<(bool RequiresDebug, bool AfterNotDebug)>();
        for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < position; directive = directive.GetNextDirective())
        {
            switch (directive)
            {
                case IfDirectiveTriviaSyntax @if:
                    branches.Push((Requires(@if.Condition), RequiresNot(@if.Condition)));
                    break;
                case ElifDirectiveTriviaSyntax elif when branches.Count > 0:
                    var afterNot = branches.Pop().AfterNotDebug;
                    branches.Push((afterNot || Requires(elif.Condition), afterNot || RequiresNot(elif.Condition)));
                    break;
                case ElseDirectiveTriviaSyntax when branches.Count > 0:
                    var previous = branches.Pop();
                    branches.Push((previous.AfterNotDebug, previous.AfterNotDebug));
                    break;
                case EndIfDirectiveTriviaSyntax when branches.Count > 0:
                    branches.Pop();
                    break;
            }
        }

        foreach (var branch in branches)
        {
            if (branch.RequiresDebug)
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

    // The branch is taken only when DEBUG is defined: "DEBUG", "DEBUG && X", "(DEBUG)".
    private static bool Requires(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText == DebugSymbol,
        ParenthesizedExpressionSyntax parenthesized => Requires(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => Requires(binary.Left) || Requires(binary.Right),
        PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) => RequiresNot(not.Operand),
        _ => false,
    };

    // The branch is taken only when DEBUG is not defined: "!DEBUG", "!DEBUG && X".
    private static bool RequiresNot(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => RequiresNot(parenthesized.Expression),
        BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.LogicalAndExpression) => RequiresNot(binary.Left) || RequiresNot(binary.Right),
        PrefixUnaryExpressionSyntax not when not.IsKind(SyntaxKind.LogicalNotExpression) => Requires(not.Operand),
        _ => false,
    };
}
