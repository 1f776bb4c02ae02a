using System;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using StreamChat.Benchmarks;

if (args is ["--profile", var loop, ..])
{
    return ProfileLoop.Run(loop, args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 10);
}

if (args is ["--compare", var candidate, var reference, ..])
{
    return ProfileLoop.Compare(candidate, reference, args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 10);
}

if (args is ["--quick", ..])
{
    // Each area's quick check is its own class; together they must stay under three minutes (docs/benchmarks.md).
    var met = CodecQuickCheck.Run();
    return met ? 0 : 1;
}

// In-process keeps the run short on small machines; ratios are what we report (docs/benchmarks.md).
var config = ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
return 0;
