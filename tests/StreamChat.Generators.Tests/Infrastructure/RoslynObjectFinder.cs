using System.Collections.Generic;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>Walks an object graph by its fields and reports the first Roslyn object that a cached pipeline value must not hold.</summary>
internal static class RoslynObjectFinder
{
    /// <returns>A description of the path to the object found, or <see langword="null"/>.</returns>
    public static string? Find(object? root) => Find(root, "value", new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static string? Find(object? value, string path, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or System.Enum:
                return null;
            case ISymbol:
                return $"{path}: Symbol {value}";
            case SyntaxNode:
                return $"{path}: SyntaxNode";
            case SemanticModel:
                return $"{path}: SemanticModel";
            case Compilation:
                return $"{path}: Compilation";
        }

        var type = value.GetType();
        if (type.IsPrimitive || (!type.IsValueType && !seen.Add(value)))
        {
            return null;
        }

        // Arrays hold their items outside any field; everything else (lists, immutable arrays) is reached through fields.
        if (value is System.Array items)
        {
            var index = 0;
            foreach (var item in items)
            {
                if (Find(item, $"{path}[{index++}]", seen) is { } found)
                {
                    return found;
                }
            }
        }

        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                if (Find(field.GetValue(value), $"{path}.{field.Name}", seen) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }
}
