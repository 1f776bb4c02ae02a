using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>
/// Builds <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException(…)</c>: a string read
/// at run time that fails with a message naming the variable, used to move a credential out of source.
/// </summary>
internal static class EnvironmentVariableRead
{
    /// <summary>The read of <paramref name="variable"/>, with names as short as they can be at <paramref name="position"/>.</summary>
    public static ExpressionSyntax Create(string variable, SemanticModel model, int position, bool parenthesize)
    {
        var environment = TypeNames.At(model, position, "System.Environment");
        var exception = TypeNames.At(model, position, "System.InvalidOperationException");
        var name = SymbolDisplay.FormatLiteral(variable, quote: true);
        var message = SymbolDisplay.FormatLiteral($"Set the {variable} environment variable.", quote: true);
        var read = $"{environment}.GetEnvironmentVariable({name}) ?? throw new {exception}({message})";
        return SyntaxFactory.ParseExpression(parenthesize ? "(" + read + ")" : read);
    }

    /// <summary>
    /// The fix of the credential rules: replaces, in one rewrite of the document, the expression <paramref name="find"/>
    /// gives for each diagnostic with the read of the variable it names.
    /// </summary>
    public static async Task<Document> ReplaceAllAsync(
        Document document,
        ImmutableArray<Diagnostic> diagnostics,
        Func<SyntaxNode, SemanticModel, Diagnostic, CancellationToken, (ExpressionSyntax Expression, string Variable)?> find,
        CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var variables = new Dictionary<ExpressionSyntax, string>();
        foreach (var diagnostic in diagnostics)
        {
            if (root is not null && model is not null && find(root, model, diagnostic, cancellationToken) is { } found)
            {
                variables[found.Expression] = found.Variable;
            }
        }

        if (variables.Count == 0)
        {
            return document;
        }

        return document.WithSyntaxRoot(root!.ReplaceNodes(
            variables.Keys,
            (original, _) => Create(variables[original], model!, original.SpanStart, NeedsParentheses(original)).WithTriviaFrom(original)));
    }

    // "a ?? throw b" binds looser than anything but assignment, so it is wrapped unless it stands alone.
    public static bool NeedsParentheses(ExpressionSyntax expression) => expression.Parent is not (
        ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax
        or ParenthesizedExpressionSyntax or InitializerExpressionSyntax or AttributeArgumentSyntax
        or AssignmentExpressionSyntax);

    /// <summary>
    /// A variable name from the variable, property or member the literal initializes or is assigned to
    /// (<c>userToken</c> → <c>STREAM_USER_TOKEN</c>), or <paramref name="fallback"/>.
    /// </summary>
    public static string NameFor(ExpressionSyntax literal, string fallback)
    {
        var context = literal.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator } => declarator.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: var left } => left is MemberAccessExpressionSyntax access ? access.Name.Identifier.ValueText : (left as IdentifierNameSyntax)?.Identifier.ValueText,
            _ => null,
        };
        if (string.IsNullOrEmpty(context))
        {
            return fallback;
        }

        var snake = ToUpperSnakeCase(context!);
        return snake.StartsWith("STREAM", System.StringComparison.Ordinal) ? snake : "STREAM_" + snake;
    }

    /// <summary>Whether an expression there must be a compile-time constant, so a run-time read cannot replace it.</summary>
    public static bool IsInConstantContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or PatternSyntax:
                    return true;
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LambdaExpressionSyntax lambda when IsExpressionTree(lambda, model, cancellationToken):
                    // Expression trees cannot hold a throw expression.
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }

    private static bool IsExpressionTree(LambdaExpressionSyntax lambda, SemanticModel model, CancellationToken cancellationToken)
    {
        var converted = model.GetTypeInfo(lambda, cancellationToken).ConvertedType;
        return converted?.ContainingNamespace?.ToDisplayString() == "System.Linq.Expressions";
    }

    private static string ToUpperSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c))
            {
                if (builder.Length > 0 && builder[builder.Length - 1] != '_')
                {
                    builder.Append('_');
                }

                continue;
            }

            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToUpperInvariant(c));
        }

        return builder.ToString().Trim('_');
    }
}
