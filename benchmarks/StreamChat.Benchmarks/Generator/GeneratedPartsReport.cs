using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StreamChat.Generators;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// <c>--lean --parts</c>: what each part of the generated code costs the compiler over the 1,000-record corpus (issue 22), as
/// the megabytes allocated (all threads) to parse the generated files and emit the assembly with them, against the records
/// alone. Each row takes one part out of the generated files (the code then still compiles, but does nothing useful), so
/// the difference to the first row is what that part costs. Allocation is the measure because it repeats to the
/// megabyte, where times on a shared machine vary by a fifth. The parse options are those of a build without
/// <c>GenerateDocumentationFile</c> (documentation comments not parsed).
/// </summary>
internal static class GeneratedPartsReport
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private static readonly (string Name, Func<SyntaxNode, SyntaxNode> Change)[] Variants =
    [
        ("as generated", root => root),
        ("without [GeneratedCode] on the record's five members", root => OnRecordMembers(root, m => m.WithAttributeLists(new(m.AttributeLists.Where(l => !l.ToString().Contains("GeneratedCode", StringComparison.Ordinal)))))),
        ("without the record's member bodies (=> throw null!)", root => OnRecordMembers(root, Thrown)),
        ("without the provider factory class", root => root.RemoveNodes(root.DescendantNodes().OfType<ClassDeclarationSyntax>().Where(c => c.Identifier.Text.EndsWith("TokenProvider", StringComparison.Ordinal)), SyntaxRemoveOptions.KeepNoTrivia)!),
        ("without the reader's and writer's bodies (=> throw null!)", root => root.ReplaceNodes(FormatMethods(root), (_, m) => Thrown(m))),
        ("with #nullable disable instead of enable (no annotations)", root => CSharpSyntaxTree.ParseText(root.ToFullString().Replace("#nullable enable", "#nullable disable", StringComparison.Ordinal), ParseOptions).GetRoot()),
    ];

    public static int Run()
    {
        var records = ClaimsRecordCorpus.Records().Select(file => ClaimsRecordCorpus.WithoutUserCode(file.Source)).ToList();
        var generated = CSharpGeneratorDriver.Create([new TokenClaimsGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGenerators(LeanReport.Compilation(records, ParseOptions)).GetRunResult().GeneratedTrees.Select(tree => tree.GetRoot()).ToList();

        // A first build of each warms the compiler's code paths, which allocate on their first use.
        var alone = Allocated(records, []);
        alone = Allocated(records, []);
        Console.WriteLine($"| the 1,000-record corpus, parsed and emitted | MB allocated | ÷ records alone | part's cost |");
        Console.WriteLine("|---|---:|---:|---:|");
        Console.WriteLine($"| records alone (no generator) | {alone:N0} | 1.00 | |");
        double? whole = null;
        foreach (var (name, change) in Variants)
        {
            var texts = generated.Select(root => change(root).ToFullString()).ToList();
            _ = Allocated(records, texts);
            var megabytes = Allocated(records, texts);
            whole ??= megabytes;
            Console.WriteLine($"| {name} | {megabytes:N0} | {megabytes / alone:F2} | {(name == Variants[0].Name ? string.Empty : $"{whole - megabytes:N0} MB")} |");
        }

        return 0;
    }

    private static double Allocated(List<string> records, List<string> generated)
    {
        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        using var stream = new MemoryStream();
        var result = LeanReport.Compilation(records.Concat(generated), ParseOptions).Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / 1_000_000.0;
    }

    // The public methods the generator adds to the record (not the nested struct's).
    private static SyntaxNode OnRecordMembers(SyntaxNode root, Func<MethodDeclarationSyntax, MethodDeclarationSyntax> change) =>
        root.ReplaceNodes(
            root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Parent is RecordDeclarationSyntax),
            (_, method) => change(method));

    private static IEnumerable<MethodDeclarationSyntax> FormatMethods(SyntaxNode root) =>
        root.DescendantNodes().OfType<MethodDeclarationSyntax>().Where(m => m.Parent is StructDeclarationSyntax { Identifier.Text: "StreamChatFormat" });

    private static MethodDeclarationSyntax Thrown(MethodDeclarationSyntax method) =>
        method.WithBody(null)
            .WithExpressionBody(SyntaxFactory.ArrowExpressionClause(SyntaxFactory.ParseExpression("throw null!")))
            .WithSemicolonToken(SyntaxFactory.Token(SyntaxKind.SemicolonToken));
}
