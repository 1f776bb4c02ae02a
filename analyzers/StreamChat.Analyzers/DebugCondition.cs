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
    public static bool RequiresDebug(ExpressionSyntax condition) => ValueWhen(condition, debugDefined: false) == false;

    /// <summary>True only when DEBUG is not defined: <c>!DEBUG</c>, <c>!DEBUG &amp;&amp; X</c>.</summary>
    public static bool RequiresNoDebug(ExpressionSyntax condition) => ValueWhen(condition, debugDefined: true) == false;

    /// <summary>Surely true when DEBUG is defined: <c>DEBUG</c>, <c>DEBUG || X</c>.</summary>
    public static bool HoldsWithDebug(ExpressionSyntax condition) => ValueWhen(condition, debugDefined: true) == true;

    /// <summary>Surely true when DEBUG is not defined: <c>!DEBUG</c>, <c>!DEBUG || X</c>.</summary>
    public static bool HoldsWithoutDebug(ExpressionSyntax condition) => ValueWhen(condition, debugDefined: false) == true;

    /// <summary>Whether the condition is exactly <c>DEBUG</c> (true) or <c>!DEBUG</c> (false), parentheses aside; null otherwise.</summary>
    public static bool? IsExactly(ExpressionSyntax condition) => condition switch
    {
        IdentifierNameSyntax name when IsDebug(name) => true,
        ParenthesizedExpressionSyntax parenthesized => IsExactly(parenthesized.Expression),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => IsExactly(negation.Operand) is { } operand ? !operand : null,
        _ => null,
    };

    /// <summary>
    /// The condition's value when DEBUG is or is not defined, every other symbol unknown: three-valued (Kleene) logic, so
    /// <c>X &amp;&amp; false</c> is false and <c>X || true</c> true whatever X is; <see langword="null"/> when it depends on
    /// other symbols.
    /// </summary>
    private static bool? ValueWhen(ExpressionSyntax condition, bool debugDefined) => condition switch
    {
        IdentifierNameSyntax name => IsDebug(name) ? debugDefined : null,
        ParenthesizedExpressionSyntax parenthesized => ValueWhen(parenthesized.Expression, debugDefined),
        PrefixUnaryExpressionSyntax negation when negation.IsKind(SyntaxKind.LogicalNotExpression) => !ValueWhen(negation.Operand, debugDefined),
        BinaryExpressionSyntax both when both.IsKind(SyntaxKind.LogicalAndExpression) => And(ValueWhen(both.Left, debugDefined), ValueWhen(both.Right, debugDefined)),
        BinaryExpressionSyntax either when either.IsKind(SyntaxKind.LogicalOrExpression) => Or(ValueWhen(either.Left, debugDefined), ValueWhen(either.Right, debugDefined)),
        _ => null,
    };

    private static bool? And(bool? left, bool? right) => left == false || right == false ? false : left == true && right == true ? true : null;

    private static bool? Or(bool? left, bool? right) => left == true || right == true ? true : left == false && right == false ? false : null;

    private static bool IsDebug(IdentifierNameSyntax name) => name.Identifier.ValueText == DebugSymbol;
}
