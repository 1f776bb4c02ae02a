using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators;

namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>What the real claims generator writes for a source, to add to a code-fix test as an ordinary file.</summary>
internal static class GeneratedClaims
{
    public static (string Path, string Source)[] For(string source)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "Claims",
            new[] { CSharpSyntaxTree.ParseText(source, parseOptions) },
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var result = CSharpGeneratorDriver.Create(new[] { new TokenClaimsGenerator().AsSourceGenerator() }, parseOptions: parseOptions)
            .RunGenerators(compilation)
            .GetRunResult();
        Assert.That(result.Diagnostics, Is.Empty);
        return result.GeneratedTrees.Select(tree => ("/0/" + System.IO.Path.GetFileName(tree.FilePath), tree.GetText().ToString())).ToArray();
    }
}
