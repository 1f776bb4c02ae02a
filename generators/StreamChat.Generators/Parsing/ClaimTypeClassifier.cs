using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Parsing;

/// <summary>Maps a property type to the way its claim is encoded, or says it is not supported.</summary>
internal static class ClaimTypeClassifier
{
    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions & ~SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The result of classifying a type.</summary>
    /// <param name="Kind">The encoding, or <see langword="null"/> when the type is not supported.</param>
    /// <param name="IsNullable">Whether the type is a nullable form.</param>
    /// <param name="TypeName">The type without nullability, <c>global::</c>-qualified.</param>
    /// <param name="Collection">The collection shape of string collections.</param>
    /// <param name="EnumMembers">The members of an enum.</param>
    internal readonly record struct Classification(ClaimKind? Kind, bool IsNullable, string TypeName, CollectionShape Collection, EquatableArray<EnumMemberModel> EnumMembers);

    public static Classification Classify(ITypeSymbol type, KnownTypes known)
    {
        var isNullable = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullableValue)
        {
            type = nullableValue.TypeArguments[0];
            isNullable = true;
        }
        else if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            isNullable = true;
        }

        var typeName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeFormat);
        ClaimKind? kind = type.SpecialType switch
        {
            SpecialType.System_String => ClaimKind.String,
            SpecialType.System_Boolean => ClaimKind.Boolean,
            SpecialType.System_Int32 => ClaimKind.Int32,
            SpecialType.System_Int64 => ClaimKind.Int64,
            SpecialType.System_Double => ClaimKind.Double,
            _ => null,
        };

        if (kind is not null)
        {
            return new Classification(kind, isNullable, typeName, CollectionShape.None, EquatableArray<EnumMemberModel>.Empty);
        }

        if (KnownTypes.Is(type, known.Guid))
        {
            return new Classification(ClaimKind.Guid, isNullable, typeName, CollectionShape.None, EquatableArray<EnumMemberModel>.Empty);
        }

        if (KnownTypes.Is(type, known.DateTimeOffset))
        {
            return new Classification(ClaimKind.NumericDate, isNullable, typeName, CollectionShape.None, EquatableArray<EnumMemberModel>.Empty);
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            return new Classification(ClaimKind.Enum, isNullable, typeName, CollectionShape.None, EnumMembers(enumType, known));
        }

        var shape = CollectionShapeOf(type, known);
        return new Classification(shape == CollectionShape.None ? null : ClaimKind.StringCollection, isNullable, typeName, shape, EquatableArray<EnumMemberModel>.Empty);
    }

    private static CollectionShape CollectionShapeOf(ITypeSymbol type, KnownTypes known)
    {
        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
        {
            return CollectionShape.Array;
        }

        if (type is not INamedTypeSymbol { TypeArguments.Length: 1 } generic || generic.TypeArguments[0].SpecialType != SpecialType.System_String)
        {
            return CollectionShape.None;
        }

        var definition = generic.OriginalDefinition;
        if (KnownTypes.Is(definition, known.IReadOnlyList) || KnownTypes.Is(definition, known.IReadOnlyCollection) || KnownTypes.Is(definition, known.IEnumerable))
        {
            return CollectionShape.Array;
        }

        if (KnownTypes.Is(definition, known.List) || KnownTypes.Is(definition, known.IList) || KnownTypes.Is(definition, known.ICollection))
        {
            return CollectionShape.List;
        }

        return CollectionShape.None;
    }

    private static EquatableArray<EnumMemberModel> EnumMembers(INamedTypeSymbol enumType, KnownTypes known)
    {
        var members = new List<EnumMemberModel>();
        var seenValues = new HashSet<object>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue || field.ConstantValue is null)
            {
                continue;
            }

            var renamed = field.GetAttributes()
                .FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, known.ClaimAttribute))?
                .ConstructorArguments.FirstOrDefault().Value as string;
            var value = string.IsNullOrWhiteSpace(renamed) ? Names.ToSnakeCase(field.Name) : renamed!;
            members.Add(new EnumMemberModel(Names.Escape(field.Name), value, !seenValues.Add(field.ConstantValue)));
        }

        return new EquatableArray<EnumMemberModel>(members.ToArray());
    }
}
