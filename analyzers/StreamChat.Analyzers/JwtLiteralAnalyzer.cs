using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace StreamChat.Analyzers;

/// <summary>SCHAT003: a string literal (regular, verbatim, raw or UTF-8) that contains a JWT.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class JwtLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.JwtLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(
            AnalyzeLiteral,
            SyntaxKind.StringLiteralExpression,
            SyntaxKind.Utf8StringLiteralExpression);
        context.RegisterSyntaxNodeAction(AnalyzeInterpolatedText, SyntaxKind.InterpolatedStringText);
    }

    private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        if (literal.Token.ValueText is { Length: >= 10 } value && JwtShape.ContainsJwt(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.JwtLiteral, literal.GetLocation()));
        }
    }

    private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context)
    {
        var text = (InterpolatedStringTextSyntax)context.Node;
        if (text.TextToken.ValueText is { Length: >= 10 } value && JwtShape.ContainsJwt(value))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.JwtLiteral, text.GetLocation()));
        }
    }
}
