using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using StreamChat.Generators.Parsing;

namespace StreamChat.Generators.Diagnostics;

/// <summary>Reports the problems of <c>[TokenClaims]</c> records (SCHAT1xx), with the same rules the generator uses.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClaimsRecordAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.NotPartial,
        DiagnosticDescriptors.NotARecord,
        DiagnosticDescriptors.NoUserId,
        DiagnosticDescriptors.SeveralUserIds,
        DiagnosticDescriptors.DuplicateClaim,
        DiagnosticDescriptors.ReservedClaim,
        DiagnosticDescriptors.UnsupportedType,
        DiagnosticDescriptors.GenericRecord,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.InvalidUserId,
        DiagnosticDescriptors.InvalidClaimName,
        DiagnosticDescriptors.NoUsableConstructor,
        DiagnosticDescriptors.FileLocalRecord,
        DiagnosticDescriptors.GeneratedNameTaken);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var known = KnownTypes.From(start.Compilation);
            if (known.TokenClaimsAttribute is null)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, known), SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context, KnownTypes known)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var marked = false;
        foreach (var attribute in type.GetAttributes())
        {
            marked |= KnownTypes.Is(attribute.AttributeClass, known.TokenClaimsAttribute);
        }

        if (!marked)
        {
            return;
        }

        var diagnostics = new List<Diagnostic>();
        ClaimsRecordParser.Parse(type, known, diagnostics, context.CancellationToken);
        foreach (var diagnostic in diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}
