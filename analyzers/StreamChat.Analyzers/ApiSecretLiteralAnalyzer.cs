using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using StreamChat.Rules;

namespace StreamChat.Analyzers;

/// <summary>
/// SCHAT004: a literal or constant passed to a parameter marked <c>[ApiSecret]</c> (the secret taken by the
/// signing key, the token issuer and the validator, and by any user API that carries the marker).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ApiSecretLiteralAnalyzer : DiagnosticAnalyzer
{
    internal const string ApiSecretMetadataName = "StreamChat.Annotations.ApiSecretAttribute";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ApiSecretLiteral);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var marker = start.Compilation.GetBestTypeByMetadataName(ApiSecretMetadataName);
            if (marker is not null)
            {
                start.RegisterOperationAction(operationContext => Analyze(operationContext, marker), OperationKind.Argument);
            }
        });
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol marker)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (IsSecretConstant(argument, marker))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ApiSecretLiteral, argument.Syntax.GetLocation(), argument.Parameter!.Name));
        }
    }

    /// <summary>Whether <paramref name="argument"/> passes a constant string to a parameter marked <c>[ApiSecret]</c>.</summary>
    internal static bool IsSecretConstant(IArgumentOperation argument, INamedTypeSymbol marker)
    {
        if (argument.ArgumentKind != ArgumentKind.Explicit
            || argument.Parameter is not { } parameter
            || argument.Value.ConstantValue is not { HasValue: true, Value: string })
        {
            return false;
        }

        foreach (var attribute in parameter.OriginalDefinition.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, marker))
            {
                return true;
            }
        }

        return false;
    }
}
