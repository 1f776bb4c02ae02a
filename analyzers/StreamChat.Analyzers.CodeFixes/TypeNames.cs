using System.Linq;
using Microsoft.CodeAnalysis;
using StreamChat.Rules;

namespace StreamChat.Analyzers.CodeFixes;

/// <summary>Writes a type name as short as it can be at a position: simple when it binds there, else fully qualified.</summary>
internal static class TypeNames
{
    public static string At(SemanticModel model, int position, string metadataName)
    {
        var type = model.Compilation.GetBestTypeByMetadataName(metadataName);
        var fullyQualified = "global::" + metadataName;
        if (type is null)
        {
            return fullyQualified;
        }

        if (BindsTo(model, position, type.Name, type))
        {
            return type.Name;
        }

        // "System.X" reads better than "global::System.X" when nothing in scope hides the namespace.
        var outermost = type.ContainingNamespace;
        while (outermost.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            outermost = parent;
        }

        var globalOutermost = model.Compilation.GlobalNamespace.GetNamespaceMembers().FirstOrDefault(n => n.Name == outermost.Name);
        return !outermost.IsGlobalNamespace && BindsTo(model, position, outermost.Name, globalOutermost) ? metadataName : fullyQualified;
    }

    /// <summary>The name of <paramref name="type"/> at a position; a nested type through its containing types.</summary>
    public static string At(SemanticModel model, int position, INamedTypeSymbol type)
    {
        if (BindsTo(model, position, type.Name, type))
        {
            return type.Name;
        }

        return type.ContainingType is { } outer
            ? At(model, position, outer) + "." + type.Name
            : At(model, position, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty));
    }

    private static bool BindsTo(SemanticModel model, int position, string name, ISymbol? expected)
    {
        var found = model.LookupNamespacesAndTypes(position, name: name);
        return expected is not null && found.Length == 1 && SymbolEqualityComparer.Default.Equals(found.Single(), expected);
    }
}
