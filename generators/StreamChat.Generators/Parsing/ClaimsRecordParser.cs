using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamChat.Generators.Diagnostics;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Parsing;

/// <summary>
/// The claims-record rules, written once: the generator builds its model with them (and generates nothing when any
/// rule fails) and the analyzer reports what they find.
/// </summary>
internal static class ClaimsRecordParser
{
    /// <summary>Checks a <c>[TokenClaims]</c> type and builds its model.</summary>
    /// <param name="type">The marked type.</param>
    /// <param name="known">The types of the compilation the rules compare against.</param>
    /// <param name="diagnostics">Receives every problem found; <see langword="null"/> to stop at the first.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The model, or <see langword="null"/> when the record is invalid.</returns>
    public static ClaimsRecordModel? Parse(INamedTypeSymbol type, KnownTypes known, List<Diagnostic>? diagnostics, CancellationToken cancellationToken)
    {
        var problems = new ProblemSink(diagnostics);
        var location = type.Locations.FirstOrDefault();
        if (type.Name.Length == 0)
        {
            // A declaration still being typed: the compiler reports the missing name.
            return null;
        }

        if (!type.IsRecord)
        {
            problems.Add(DiagnosticDescriptors.NotARecord, location, type.Name);
            return null;
        }

        if (type.TypeParameters.Length > 0)
        {
            problems.Add(DiagnosticDescriptors.GenericRecord, location, type.Name);
        }

        if (IsFileLocal(type, cancellationToken))
        {
            problems.Add(DiagnosticDescriptors.FileLocalRecord, location, type.Name);
        }

        if (DeclarationWithoutPartial(type, cancellationToken) is { } declaration)
        {
            // Reported on the declaration that lacks the keyword, where the code fix adds it.
            problems.Add(DiagnosticDescriptors.NotPartial, declaration.Identifier.GetLocation(), type.Name);
        }

        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (DeclarationWithoutPartial(container, cancellationToken) is not null)
            {
                problems.Add(DiagnosticDescriptors.ContainingTypeNotPartial, location, type.Name, container.Name);
            }
        }

        // The claims of a generic record have open types; checking them would only repeat the SCHAT108 problem.
        if (problems.StopEarly || type.TypeParameters.Length > 0)
        {
            return null;
        }

        var constructor = PrimaryConstructor(type, cancellationToken);
        if (type.IsAbstract)
        {
            problems.Add(DiagnosticDescriptors.NoUsableConstructor, location, type.Name, "it is abstract; mark the concrete record [TokenClaims] instead");
        }
        else if (constructor is null && !type.IsValueType && !type.InstanceConstructors.Any(c => c.Parameters.Length == 0))
        {
            problems.Add(DiagnosticDescriptors.NoUsableConstructor, location, type.Name, "it needs a primary constructor or a parameterless constructor");
        }

        GeneratedNameRules.Check(type, known, problems, cancellationToken);
        if (problems.StopEarly)
        {
            return null;
        }

        var properties = ClaimPropertyRules.Collect(type, constructor, known, problems, cancellationToken);
        if (properties is null || problems.Count > 0)
        {
            return null;
        }

        var containing = new List<ContainingTypeModel>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containing.Insert(0, new ContainingTypeModel(Names.DeclarationKeyword(container), Names.NameWithTypeParameters(container)));
        }

        var parameters = constructor is null
            ? EquatableArray<string>.Empty
            : new EquatableArray<string>(constructor.Parameters.Select(p => Names.Escape(p.Name)).ToArray());

        return new ClaimsRecordModel(
            type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : string.Empty,
            new EquatableArray<ContainingTypeModel>(containing.ToArray()),
            Names.Escape(type.Name),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.IsValueType,
            Names.Accessibility(type),
            parameters,
            new EquatableArray<ClaimPropertyModel>(properties),
            properties.First(p => p.IsUserId).PropertyName,
            Names.HintName(type),
            known.CanUseNotNullWhen,
            HasClaimsRecordBase(type, known),
            known.CanUseHttpClient);
    }

    /// <summary>Whether a base record is a claims record too, so the generated members hide its generated members.</summary>
    private static bool HasClaimsRecordBase(INamedTypeSymbol type, KnownTypes known)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, known.TokenClaimsAttribute)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the type is declared with the <c>file</c> modifier. <c>ITypeSymbol.IsFileLocal</c> is Roslyn 4.4; the build
    /// for Roslyn 4.3 (Unity), which a 4.4–4.7 compiler also loads, reads the modifier from the declaration instead
    /// (<c>SyntaxKind.FileKeyword</c> is 4.4 too, hence the text).
    /// </summary>
    private static bool IsFileLocal(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
#if ROSLYN_4_4_OR_GREATER
        _ = cancellationToken;
        return type.IsFileLocal;
#else
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && declaration.Modifiers.Any(modifier => modifier.ValueText == "file"))
            {
                return true;
            }
        }

        return false;
#endif
    }

    private static TypeDeclarationSyntax? DeclarationWithoutPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return declaration;
            }
        }

        return null;
    }

    /// <summary>The constructor declared by the record's parameter list, if it has a non-empty one.</summary>
    private static IMethodSymbol? PrimaryConstructor(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var constructor in type.InstanceConstructors)
        {
            if (constructor.Parameters.Length > 0
                && constructor.Parameters[0].DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ParameterSyntax { Parent.Parent: TypeDeclarationSyntax })
            {
                return constructor;
            }
        }

        return null;
    }
}
