using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers;

/// <summary>
/// What a preprocessor condition says about the DEBUG symbol, read without knowing the other symbols: whether it can
/// be true only with (or only without) DEBUG, and whether it is surely true with (or without) DEBUG.
/// </summary>
internal static class DebugCondition
{
    private const string DebugSymbol = "DEBUG";

    /// <summary>True only when DEBUG is defined: <c>DEBUG</c>, <c>DEBUG &amp;&amp; X</c>, <c>!(!DEBUG)</c>.</summary>
    public static bool RequiresDebug(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name => IsDebug(name),
        ParenthesizedExpressionSyntax parenthesized => RequiresDebug(parenthesized.Expression),
        BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => RequiresDebug(both.Left) || RequiresDebug(both.Right),
        BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) => RequiresDebug(either.Left) && RequiresDebug(either.Right),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => HoldsWithoutDebug(negation.Operand),
        _ => false,
    };

    /// <summary>True only when DEBUG is not defined: <c>!DEBUG</c>, <c>!DEBUG &amp;&amp; X</c>.</summary>
    public static bool RequiresNoDebug(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => RequiresNoDebug(parenthesized.Expression),
        BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => RequiresNoDebug(both.Left) || RequiresNoDebug(both.Right),
        BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) => RequiresNoDebug(either.Left) && RequiresNoDebug(either.Right),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => HoldsWithDebug(negation.Operand),
        _ => false,
    };

    /// <summary>Surely true when DEBUG is defined: <c>DEBUG</c>, <c>DEBUG || X</c>.</summary>
    public static bool HoldsWithDebug(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name => IsDebug(name),
        ParenthesizedExpressionSyntax parenthesized => HoldsWithDebug(parenthesized.Expression),
        BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) => HoldsWithDebug(either.Left) || HoldsWithDebug(either.Right),
        BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => HoldsWithDebug(both.Left) && HoldsWithDebug(both.Right),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => RequiresNoDebug(negation.Operand),
        _ => false,
    };

    /// <summary>Surely true when DEBUG is not defined: <c>!DEBUG</c>, <c>!DEBUG || X</c>.</summary>
    public static bool HoldsWithoutDebug(ExpressionSyntax condition) => condition switch
    {
        ParenthesizedExpressionSyntax parenthesized => HoldsWithoutDebug(parenthesized.Expression),
        BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) => HoldsWithoutDebug(either.Left) || HoldsWithoutDebug(either.Right),
        BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => HoldsWithoutDebug(both.Left) && HoldsWithoutDebug(both.Right),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => RequiresDebug(negation.Operand),
        _ => false,
    };

    /// <summary>Whether the condition is exactly <c>DEBUG</c> (true) or <c>!DEBUG</c> (false), parentheses aside; null otherwise.</summary>
    public static bool? IsExactly(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name when IsDebug(name) => true,
        ParenthesizedExpressionSyntax parenthesized => IsExactly(parenthesized.Expression),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => IsExactly(negation.Operand) is { } operand ? !operand : null,
        _ => null,
    };

    private static bool IsDebug(IdentifierNameSyntax name) => name.Identifier.ValueText == DebugSymbol;
}
