using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// The code fixes as a user meets them: the packed nupkg, a fresh consumer with every flagged shape, and the command
/// the rule docs give, <c>Configuration=Release dotnet format analyzers --diagnostics …</c> with every SCHAT id at once.
/// The fix run is repeated on fresh copies (dotnet format visits the ids in a different order each process), and every
/// copy must come out the same.
/// </summary>
public sealed class RealClientFixTests
{
    // "The same result 5 runs out of 5": about 15 s per copy on the CI machine; STREAMCHAT_FIX_COPIES changes the count.
    private static readonly int Copies = int.TryParse(Environment.GetEnvironmentVariable("STREAMCHAT_FIX_COPIES"), out var copies) && copies > 0 ? copies : 5;

    private static readonly string[] AllIds =
    {
        "SCHAT001", "SCHAT002", "SCHAT003", "SCHAT004",
        "SCHAT101", "SCHAT102", "SCHAT103", "SCHAT104", "SCHAT105", "SCHAT106", "SCHAT107", "SCHAT108", "SCHAT109",
        "SCHAT110", "SCHAT111", "SCHAT112", "SCHAT113", "SCHAT114",
    };

    // The documented way to load the release configuration: dotnet format has no -c, and MSBuild reads environment
    // variables as properties (docs/rules/SCHAT001.md#applying-the-fix-with-dotnet-format).
    private static readonly Dictionary<string, string> Release = new() { ["Configuration"] = "Release" };

    private static ConsumerProject s_fixed = null!;
    private static SortedDictionary<string, string> s_fixedSources = null!;

    [OneTimeSetUp]
    public async Task FixFreshCopiesAsync()
    {
        var results = new List<SortedDictionary<string, string>>();
        var clock = Stopwatch.StartNew();
        for (var copy = 0; copy < Copies; copy++)
        {
            var consumer = ConsumerProject.Create(PackagingFixture.Packages, FlaggedShapes.Files);
            var format = await consumer.FormatAnalyzersAsync(Release, DiagnosticsArguments());
            Assert.That(format.ExitCode, Is.Zero, format.ToString);
            Assert.That(format.Output, Does.Not.Contain("Unable to fix").And.Not.Contain("Failed to apply"), format.ToString);
            results.Add(consumer.Sources());
            s_fixed ??= consumer;
        }

        TestContext.Progress.WriteLine($"dotnet format fixed {Copies} fresh copies in {clock.Elapsed.TotalSeconds:F0} s.");
        s_fixedSources = results[0];
        for (var copy = 1; copy < results.Count; copy++)
        {
            Assert.That(results[copy], Is.EqualTo(results[0]), $"copy {copy + 1} of {Copies} was fixed differently");
        }
    }

    [Test]
    public void Every_flagged_statement_is_wrapped_and_typed_factories_stay_typed()
    {
        var all = string.Concat(s_fixedSources.Values);
        Assert.That(all, Does.Not.Contain("eyJ"), "the JWT literal is read from the environment in the debug copy too");
        Assert.That(FlaggedShapes.TypedClosuresIn(all), Is.EqualTo(FlaggedShapes.TypedClosures));
        Assert.That(s_fixedSources["Records.cs"].Split("partial ").Length - 1, Is.EqualTo(6), s_fixedSources["Records.cs"]);
    }

    [Test]
    public async Task Fixed_project_builds_in_release_with_no_warning()
    {
        var build = await s_fixed.BuildAsync("Release");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(BuildWarnings.Any(build), Is.False, build.ToString);
    }

    [Test]
    public async Task Fixed_project_builds_in_debug_with_no_warning()
    {
        var build = await s_fixed.BuildAsync("Debug");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(BuildWarnings.Any(build), Is.False, build.ToString);
    }

    [Test]
    public async Task Second_run_changes_nothing()
    {
        var format = await s_fixed.FormatAnalyzersAsync(Release, DiagnosticsArguments());

        Assert.That(format.ExitCode, Is.Zero, format.ToString);
        Assert.That(s_fixed.Sources(), Is.EqualTo(s_fixedSources), format.ToString);
    }

    private static string[] DiagnosticsArguments() => new[] { "--diagnostics" }.Concat(AllIds).ToArray();
}
