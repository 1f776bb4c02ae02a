using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// <c>--lean [--corpus] [generator.dll]</c>, or <c>--lean --parts</c> (<see cref="GeneratedPartsReport"/>): how much code the generator adds (issue 22). For the minimal record, the generated
/// lines and the IL bytes of the generated members: the method bodies of the assembly compiled with the generated file
/// less those without it (read with System.Reflection.Metadata). For the 1,000-record corpus, a build (generator run,
/// binding and emit) against the same build without the generator, in alternating rounds, and what each allocates (all
/// threads, <see cref="GC.GetTotalAllocatedBytes(bool)"/>: it repeats to the megabyte where times on a shared machine vary
/// by a fifth). Another build of the
/// generator (an older commit's) can be given to measure it against this repository's runtime in the same run.
/// </summary>
internal static class LeanReport
{
    private const string MinimalRecord = "using StreamChat.Claims;\n\nnamespace MyApp;\n\n[TokenClaims]\npublic partial record ChatClaims(string UserId);\n";

    public static int Run(string[] args)
    {
        if (args.Contains("--parts"))
        {
            return GeneratedPartsReport.Run();
        }

        var generators = new List<(string Name, ISourceGenerator Generator)> { ("this repository", new TokenClaimsGenerator().AsSourceGenerator()) };
        var corpus = args.Contains("--corpus");
        foreach (var path in args.Where(a => a != "--corpus"))
        {
            var assembly = new AssemblyLoadContext(path).LoadFromAssemblyPath(Path.GetFullPath(path));
            var generator = (IIncrementalGenerator)Activator.CreateInstance(assembly.GetType("StreamChat.Generators.TokenClaimsGenerator", throwOnError: true)!)!;
            generators.Add((path, generator.AsSourceGenerator()));
        }

        Console.WriteLine("| generator | minimal record: generated lines | IL bytes of the generated members | methods | corpus build ÷ build without the generator | corpus allocated, with / without the generator |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var baseline = Emit(Compilation([MinimalRecord]));
        foreach (var (name, generator) in generators)
        {
            var generated = Generate(generator, Compilation([MinimalRecord]));
            var lines = generated.Sum(text => text.Split('\n').Length - (text.EndsWith('\n') ? 1 : 0));
            var with = Emit(Compilation([MinimalRecord, .. generated]));
            var (ratio, allocated) = corpus ? CorpusBuild(generator) : ("(--corpus)", "(--corpus)");
            Console.WriteLine($"| {name} | {lines} | {with.IlBytes - baseline.IlBytes:N0} | {with.Methods - baseline.Methods} | {ratio} | {allocated} |");
        }

        return 0;
    }

    /// <summary>A consumer's compilation of <paramref name="sources"/> (Release, nullable on, .NET 8 references and StreamChat.Client).</summary>
    internal static CSharpCompilation Compilation(IEnumerable<string> sources, CSharpParseOptions? parseOptions = null) =>
        CSharpCompilation.Create(
            "Consumer",
            sources.Select(source => CSharpSyntaxTree.ParseText(source, parseOptions ?? ScaleCompilation.ParseOptions)),
            [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(Token).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, optimizationLevel: OptimizationLevel.Release));

    private static List<string> Generate(ISourceGenerator generator, CSharpCompilation compilation) =>
        [.. CSharpGeneratorDriver.Create([generator], parseOptions: ScaleCompilation.ParseOptions)
            .RunGenerators(compilation).GetRunResult().GeneratedTrees.Select(tree => tree.ToString())];

    /// <summary>Emits the compilation and sums the method body sizes (IL bytes, header included) over every method.</summary>
    private static (int IlBytes, int Methods) Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var (bytes, methods) = (0, 0);
        foreach (var handle in metadata.MethodDefinitions)
        {
            var rva = metadata.GetMethodDefinition(handle).RelativeVirtualAddress;
            if (rva != 0)
            {
                bytes += pe.GetMethodBody(rva).Size;
                methods++;
            }
        }

        return (bytes, methods);
    }

    /// <summary>
    /// The median over alternating rounds of (corpus with its records' code generated: generator, binding, emit) ÷ (the
    /// same records without the generator), and the megabytes each side allocated in the last round. The code that calls
    /// the generated members is left out of both.
    /// </summary>
    private static (string Ratio, string Allocated) CorpusBuild(ISourceGenerator generator, int rounds = 5)
    {
        var records = ClaimsRecordCorpus.Records()
            .Select(file => ClaimsRecordCorpus.WithoutUserCode(file.Source))
            .ToList();
        var ratios = new List<double>();
        var (allocatedWith, allocatedWithout) = (0L, 0L);
        for (var round = -1; round < rounds; round++)
        {
            var with = Time(
                () =>
                {
                    CSharpGeneratorDriver.Create([generator], parseOptions: ScaleCompilation.ParseOptions)
                        .RunGeneratorsAndUpdateCompilation(Compilation(records), out var output, out _);
                    Emit(output);
                },
                out allocatedWith);
            var without = Time(() => Emit(Compilation(records)), out allocatedWithout);
            if (round >= 0)
            {
                ratios.Add(with / without);
            }
        }

        ratios.Sort();
        return (
            ratios[ratios.Count / 2].ToString("F2", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{allocatedWith / 1_000_000:N0} / {allocatedWithout / 1_000_000:N0} MB"));
    }

    private static double Time(Action action, out long allocatedBytes)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var stopwatch = Stopwatch.StartNew();
        action();
        var elapsed = stopwatch.Elapsed.TotalMilliseconds;
        allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - before;
        return elapsed;
    }
}
