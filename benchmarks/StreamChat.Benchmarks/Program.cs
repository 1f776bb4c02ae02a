using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StreamChat.Benchmarks;
using StreamChat.Benchmarks.EndToEnd;
using StreamChat.Benchmarks.EndToEnd.Worker;
using StreamChat.Benchmarks.Generator;
using StreamChat.Benchmarks.Quick;

// Modes besides BenchmarkDotNet's switcher (docs/benchmarks.md): the codec's profiling loops, the end-to-end harness and
// its C# worker, the generator's report, /reportAnalyzer build and build ratio, and the quick check of every target (each area's
// checks in their own class).
switch (args)
{
    case ["--profile", var loop, ..]:
        return ProfileLoop.Run(loop, args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
    case ["--compare", var candidate, var reference, ..]:
        return ProfileLoop.Compare(candidate, reference, args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10);
    case ["--e2e", ..]:
        return await E2eReport.RunAsync(args[1..]);
    case [CSharpWorker.Command, ..]:
        return await CSharpWorker.RunAsync(args[1..]);
    case ["--generator", ..]:
        return await GeneratorReport.RunAsync();
    case ["--lean", ..]:
        return LeanReport.Run(args[1..]);
    case ["--build-ratio", ..]:
        return await BuildRatio.RunAsync(args[1..]);
    case ["--reportanalyzer", ..]:
        return await ReportAnalyzerBuild.RunAsync();
    case ["--quick", ..]:
        return await QuickMode.RunAsync([new CodecQuickCheck(), new EndToEndQuickChecks(), new GeneratorQuickChecks()]);
}

// In-process keeps the run short on small machines; ratios are what we report (docs/benchmarks.md).
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
