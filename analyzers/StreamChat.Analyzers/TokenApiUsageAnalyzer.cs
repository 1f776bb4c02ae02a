using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace StreamChat.Analyzers;

/// <summary>
/// SCHAT001 and SCHAT002: a development-token or static-token API (recognised by its marker attribute) used in a
/// release build. Calls, method groups, constructors and property reads are covered; <c>nameof</c> and
/// <c>cref</c> are not uses.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TokenApiUsageAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DevelopmentTokenInRelease, DiagnosticDescriptors.StaticTokenInRelease);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var markers = TokenApiMarkers.Find(context.Compilation);
        if (markers is null)
        {
            return;
        }

        var build = BuildConfiguration.Read(context.Compilation, context.Options);
        if (!build.IsRelease)
        {
            return;
        }

        context.RegisterOperationAction(
            operationContext => Analyze(operationContext, markers, build),
            OperationKind.Invocation,
            OperationKind.MethodReference,
            OperationKind.ObjectCreation,
            OperationKind.PropertyReference);
    }

    private static void Analyze(OperationAnalysisContext context, TokenApiMarkers markers, BuildConfiguration build)
    {
        var operation = context.Operation;
        if (Flagged(operation, context.ContainingSymbol, markers, build) is not { } descriptor)
        {
            return;
        }

        var display = UsedSymbol(operation)!.OriginalDefinition.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
        context.ReportDiagnostic(Diagnostic.Create(descriptor, operation.Syntax.GetLocation(), display));
    }

    /// <summary>
    /// The rule <paramref name="operation"/> breaks in a release build, or null: the same decision for the analyzer and
    /// for the code fix, which replaces every flagged provider of a statement it moves under <c>#if DEBUG</c>.
    /// </summary>
    internal static DiagnosticDescriptor? Flagged(IOperation operation, ISymbol containingSymbol, TokenApiMarkers markers, BuildConfiguration build)
    {
        if (UsedSymbol(operation) is not { } used)
        {
            return null;
        }

        var kind = markers.KindOf(used);
        if (kind == TokenApiKind.None || (kind == TokenApiKind.Development && build.AllowsDevelopmentTokens))
        {
            return null;
        }

        if (IsInsideNameOf(operation)
            || IsInsideMarkedWrapper(containingSymbol, markers, kind)
            || DebugOnlyCode.IsInConditionalDebugMethod(containingSymbol)
            || DebugOnlyCode.IsUnderDebugDirective(operation.Syntax))
        {
            return null;
        }

        return kind == TokenApiKind.Development
            ? DiagnosticDescriptors.DevelopmentTokenInRelease
            : DiagnosticDescriptors.StaticTokenInRelease;
    }

    private static ISymbol? UsedSymbol(IOperation operation) => operation switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IMethodReferenceOperation reference => reference.Method,
        IObjectCreationOperation creation => creation.Constructor,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    private static bool IsInsideNameOf(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current.Kind == OperationKind.NameOf)
            {
                return true;
            }
        }

        return false;
    }

    // The body of a marked wrapper is not flagged: its callers are. A development wrapper covers static uses too,
    // since its callers already get the stronger warning.
    private static bool IsInsideMarkedWrapper(ISymbol containing, TokenApiMarkers markers, TokenApiKind used)
    {
        for (var current = containing; current is not null and not INamespaceOrTypeSymbol; current = current.ContainingSymbol)
        {
            var member = current is IMethodSymbol { AssociatedSymbol: { } property } ? property : current;
            var wrapper = markers.KindOf(member);
            if (wrapper == TokenApiKind.Development || (wrapper != TokenApiKind.None && wrapper == used))
            {
                return true;
            }
        }

        return false;
    }
}
