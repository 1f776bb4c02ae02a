using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using StreamChat.Generators.Diagnostics;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Parsing;

/// <summary>The rules about a claims record's properties: which are claims, their names, types and the user id.</summary>
internal static class ClaimPropertyRules
{
    private const string UserIdClaim = ReservedClaims.UserId;
    private const string UserIdConvention = "UserId";

    /// <summary>Finds the claims of <paramref name="type"/> and checks them.</summary>
    /// <returns>The claims, or <see langword="null"/> when the record cannot be generated (problems are in <paramref name="problems"/>, or the code has compile errors already).</returns>
    public static ClaimPropertyModel[]? Collect(INamedTypeSymbol type, IMethodSymbol? constructor, KnownTypes known, ProblemSink problems, CancellationToken cancellationToken)
    {
        if (HasDuplicateNames(type, constructor))
        {
            // Two members or parameters with one name are a compile error already (CS0102, CS0100).
            return null;
        }

        var candidates = Candidates(type, constructor);
        foreach (var parameter in constructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty)
        {
            if (!candidates.Any(c => c.Property.Name == parameter.Name))
            {
                problems.Add(DiagnosticDescriptors.NoUsableConstructor, parameter.Locations.FirstOrDefault(), type.Name, $"primary constructor parameter '{parameter.Name}' is not a public or internal property, so it is not a claim");
            }
        }

        var userId = FindUserId(type, candidates, known, problems);
        var claims = new List<ClaimPropertyModel>(candidates.Count);
        var byClaimName = new Dictionary<string, string>();
        foreach (var (property, parameter) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var location = property.Locations.FirstOrDefault();
            var classification = ClaimTypeClassifier.Classify(property.Type, known);
            if (classification.Kind is not { } kind)
            {
                if (property.Type.TypeKind == TypeKind.Error)
                {
                    // The compiler already reports the missing type; a second error would only add noise.
                    return null;
                }

                problems.Add(DiagnosticDescriptors.UnsupportedType, location, property.Name, property.Type.ToDisplayString());
                continue;
            }

            var isUserId = SymbolEqualityComparer.Default.Equals(property, userId);
            var renamed = Attribute(property, parameter, known.ClaimAttribute) is { } claimAttribute
                ? claimAttribute.ConstructorArguments.FirstOrDefault() : (TypedConstant?)null;
            var claimName = Names.ToSnakeCase(property.Name);
            if (renamed is { Kind: TypedConstantKind.Primitive } given)
            {
                if (given.Value is not string name || string.IsNullOrWhiteSpace(name))
                {
                    problems.Add(DiagnosticDescriptors.InvalidClaimName, location, property.Name, claimName);
                    continue;
                }

                claimName = name;
            }

            if (isUserId)
            {
                if (kind != ClaimKind.String || classification.IsNullable)
                {
                    problems.Add(DiagnosticDescriptors.InvalidUserId, location, property.Name, "must be of type 'string' (not nullable): every token names its user");
                }

                if (renamed is { Kind: TypedConstantKind.Primitive } && claimName != UserIdClaim)
                {
                    problems.Add(DiagnosticDescriptors.InvalidUserId, location, property.Name, $"is always the 'user_id' claim, not '{claimName}'; remove its [Claim] attribute");
                }

                claimName = UserIdClaim;
            }
            else if (ReservedClaims.Contains(claimName))
            {
                problems.Add(DiagnosticDescriptors.ReservedClaim, location, property.Name, claimName, WhyReserved(claimName, userId));
                continue;
            }

            if (byClaimName.TryGetValue(claimName, out var first))
            {
                problems.Add(DiagnosticDescriptors.DuplicateClaim, location, property.Name, claimName, first);
                continue;
            }

            byClaimName.Add(claimName, property.Name);
            claims.Add(new ClaimPropertyModel(
                Names.Escape(property.Name),
                claimName,
                kind,
                classification.IsNullable,
                classification.TypeName,
                classification.Collection,
                classification.EnumMembers,
                isUserId));
        }

        return userId is null ? null : claims.ToArray();
    }

    /// <summary>
    /// The claim properties: settable ones and those set by the primary constructor, declared in the record or a base
    /// record (base ones first; a redeclared property takes the place of the one it hides).
    /// </summary>
    private static List<(IPropertySymbol Property, IParameterSymbol? Parameter)> Candidates(INamedTypeSymbol type, IMethodSymbol? constructor)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var candidates = new List<(IPropertySymbol Property, IParameterSymbol? Parameter)>();
        foreach (var declaring in chain)
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.ExplicitInterfaceImplementations.Length > 0
                    || property.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
                {
                    continue;
                }

                var parameter = constructor?.Parameters.FirstOrDefault(p => p.Name == property.Name);
                var settable = property.SetMethod is { } setter
                    && (SymbolEqualityComparer.Default.Equals(declaring, type) || setter.DeclaredAccessibility != Accessibility.Private);
                var index = candidates.FindIndex(c => c.Property.Name == property.Name);
                if (!settable && parameter is null)
                {
                    // A computed, get-only property is derived from the claims, not one of them.
                    if (index >= 0)
                    {
                        candidates.RemoveAt(index);
                    }

                    continue;
                }

                if (index >= 0)
                {
                    candidates[index] = (property, parameter);
                }
                else
                {
                    candidates.Add((property, parameter));
                }
            }
        }

        return candidates;
    }

    private static bool HasDuplicateNames(INamedTypeSymbol type, IMethodSymbol? constructor)
    {
        var properties = type.GetMembers().OfType<IPropertySymbol>().Where(p => !p.IsIndexer).Select(p => p.Name).ToList();
        var parameters = constructor?.Parameters.Select(p => p.Name).ToList() ?? [];
        return properties.Distinct().Count() != properties.Count || parameters.Distinct().Count() != parameters.Count;
    }

    private static IPropertySymbol? FindUserId(INamedTypeSymbol type, List<(IPropertySymbol Property, IParameterSymbol? Parameter)> candidates, KnownTypes known, ProblemSink problems)
    {
        IPropertySymbol? userId = null;
        foreach (var (property, parameter) in candidates)
        {
            if (Attribute(property, parameter, known.UserIdAttribute) is null)
            {
                continue;
            }

            if (userId is null)
            {
                userId = property;
            }
            else
            {
                problems.Add(DiagnosticDescriptors.SeveralUserIds, property.Locations.FirstOrDefault(), property.Name, userId.Name, type.Name);
            }
        }

        userId ??= candidates.Select(c => c.Property).FirstOrDefault(p => p.Name == UserIdConvention);
        if (userId is null)
        {
            problems.Add(DiagnosticDescriptors.NoUserId, type.Locations.FirstOrDefault(), type.Name);
        }

        return userId;
    }

    private static string WhyReserved(string claimName, IPropertySymbol? userId) => claimName switch
    {
        UserIdClaim when userId is null => "mark the property [UserId] if it holds the user id",
        UserIdClaim => $"it belongs to the user id property '{userId.Name}'; give this claim another name with [Claim]",
        ReservedClaims.Server => "it marks the app's server token, which may do anything, so a user token must never carry it; rename the property or give it another name with [Claim]",
        ReservedClaims.ExpiresAt or ReservedClaims.IssuedAt or ReservedClaims.NotBefore => "Sign writes it from the token's issue time and lifetime; rename the property or give it another name with [Claim]",
        _ => "the chat protocol gives it a meaning of its own; rename the property or give it another name with [Claim]",
    };

    private static AttributeData? Attribute(IPropertySymbol property, IParameterSymbol? parameter, INamedTypeSymbol? attribute) =>
        property.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, attribute))
        ?? parameter?.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, attribute));
}
