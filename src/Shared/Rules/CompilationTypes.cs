// Compiled into the generator and the analyzers (the code fixes see the analyzers' copy): every lookup of a type by
// name goes through here.
using Microsoft.CodeAnalysis;

namespace StreamChat.Rules;

/// <summary>Finds a type by metadata name the way the compiler would bind it from the compilation's own code.</summary>
internal static class CompilationTypes
{
    /// <summary>
    /// The type named <paramref name="metadataName"/> that code in <paramref name="compilation"/> sees: its own declaration
    /// first, else the one accessible declaration among the references; <see langword="null"/> when there is none, or
    /// several (ambiguous). <see cref="Compilation.GetTypeByMetadataName"/> gives up as soon as two assemblies declare the
    /// name, even when one is an inaccessible internal copy (a polyfill, a library's private attribute), so the rules
    /// would silently stop recognising their types (the pattern of Roslyn's own GetBestTypeByMetadataName).
    /// </summary>
    public static INamedTypeSymbol? GetBestTypeByMetadataName(this Compilation compilation, string metadataName)
    {
        INamedTypeSymbol? best = null;
        foreach (var candidate in compilation.GetTypesByMetadataName(metadataName))
        {
            if (SymbolEqualityComparer.Default.Equals(candidate.ContainingAssembly, compilation.Assembly))
            {
                return candidate;
            }

            if (!compilation.IsSymbolAccessibleWithin(candidate, compilation.Assembly))
            {
                continue;
            }

            if (best is not null)
            {
                return null;
            }

            best = candidate;
        }

        return best;
    }
}
