using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using StreamChat.Rules;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// The SCHAT003 and SCHAT004 fixes inside a statement the SCHAT001/SCHAT002 fix moves under <c>#if DEBUG</c>. Release
/// builds no longer analyse that copy, so a token or secret left in it would never be reported there again; the fix
/// applies the same replacement the credential fixes write (the same text at the same position), so the result does
/// not depend on which rule a tool fixes first.
/// </summary>
internal static class CredentialLiterals
{
    /// <summary>The replacements for the JWT literals and API-secret constants in <paramref name="node"/>, for rules that are not turned off.</summary>
    public static List<TextChange> In(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var changes = new List<TextChange>();
        var tree = node.SyntaxTree;
        var jwts = !RuleSeverity.IsOff(model.Compilation, tree, DiagnosticDescriptors.JwtLiteralId, cancellationToken);
        var secretMarker = RuleSeverity.IsOff(model.Compilation, tree, DiagnosticDescriptors.ApiSecretLiteralId, cancellationToken)
            ? null
            : model.Compilation.GetBestTypeByMetadataName(ApiSecretLiteralAnalyzer.ApiSecretMetadataName);

        foreach (var descendant in node.DescendantNodes())
        {
            if (jwts
                && descendant is LiteralExpressionSyntax literal
                && literal.IsKind(SyntaxKind.StringLiteralExpression)
                && JwtShape.IsJwt(literal.Token.ValueText)
                && !EnvironmentVariableRead.IsInConstantContext(literal, model, cancellationToken))
            {
                changes.Add(Replace(literal, EnvironmentVariableRead.NameFor(literal, JwtLiteralCodeFixProvider.DefaultVariable), model));
            }
            else if (secretMarker is not null
                && descendant is ArgumentSyntax argument
                && model.GetOperation(argument, cancellationToken) is IArgumentOperation operation
                && ApiSecretLiteralAnalyzer.IsSecretConstant(operation, secretMarker))
            {
                changes.Add(Replace(argument.Expression, ApiSecretLiteralCodeFixProvider.Variable, model));
            }
        }

        return changes;
    }

    private static TextChange Replace(ExpressionSyntax expression, string variable, SemanticModel model) =>
        new(expression.Span, EnvironmentVariableRead.Create(variable, model, expression.SpanStart, EnvironmentVariableRead.NeedsParentheses(expression)).ToString());
}
