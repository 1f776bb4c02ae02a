using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using StreamChat.Analyzers.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Analyzers.Tests;

/// <summary>
/// Every SCHAT fix applied the way <c>dotnet format analyzers</c> applies it (one id after another, an equivalence key
/// taken from the first diagnostic of any id, one solution-wide fix-all per id) to the consumer with every flagged
/// shape: whatever the order of the ids, the result is the same, and it leaves only the wrapper call that has no fix.
/// </summary>
public sealed class FormatLikeFixTests
{
    private static readonly string[] Ids = { "SCHAT001", "SCHAT002", "SCHAT003", "SCHAT004", "SCHAT101", "SCHAT109" };

    private static Dictionary<string, string> s_fixed = null!;

    [OneTimeSetUp]
    public async Task FixInIdOrderAsync() => s_fixed = await new FormatLikeFixer(Sources()).FixAsync(Ids);

    private static IEnumerable<string[]> Orders()
    {
        yield return Ids.Reverse().ToArray();
        yield return new[] { "SCHAT109", "SCHAT002", "SCHAT004", "SCHAT101", "SCHAT001", "SCHAT003" };
        yield return new[] { "SCHAT003", "SCHAT001", "SCHAT101", "SCHAT004", "SCHAT002", "SCHAT109" };
    }

    [TestCaseSource(nameof(Orders))]
    public async Task Fixing_all_ids_gives_the_same_result_in_any_order(string[] order)
    {
        var result = await new FormatLikeFixer(Sources()).FixAsync(order);

        Assert.That(s_fixed["/0/Providers.cs"], Does.Contain("#if DEBUG"), "nothing was fixed");
        foreach (var (path, text) in s_fixed)
        {
            Assert.That(result[path], Is.EqualTo(text), path);
        }
    }

    [Test]
    public async Task Fixed_project_has_no_diagnostic_but_the_wrapper_call_in_release_and_none_with_DEBUG()
    {
        var fixedSources = s_fixed.Select(pair => (pair.Key, pair.Value)).ToList();

        var release = await new FormatLikeFixer(fixedSources).DiagnosticsAsync();
        var debug = await new FormatLikeFixer(fixedSources, defineDebug: true).DiagnosticsAsync();

        Assert.That(release.Select(Describe), Is.EqualTo(new[] { FlaggedShapes.UnfixableWrapperCall }));
        Assert.That(debug.Select(Describe), Is.Empty);
        Assert.That(
            fixedSources.Sum(file => FlaggedShapes.TypedClosuresIn(file.Item2)),
            Is.EqualTo(FlaggedShapes.TypedClosures));
    }

    [Test]
    public async Task Second_run_changes_nothing()
    {
        var twice = await new FormatLikeFixer(s_fixed.Select(pair => (pair.Key, pair.Value)).ToList()).FixAsync(Ids);

        Assert.That(twice, Is.EqualTo(s_fixed));
    }

    [Test]
    public async Task Every_fix_all_works_without_an_equivalence_key()
    {
        var result = await new FormatLikeFixer(Sources(), nullEquivalenceKey: true).FixAsync(Ids);

        Assert.That(result, Is.EqualTo(s_fixed));
    }

    private static List<(string Path, string Source)> Sources()
    {
        var sources = FlaggedShapes.FilesWithWrapper.Select(file => ("/0/" + file.Name, file.Source)).ToList();
        sources.AddRange(GeneratedClaims.For(FlaggedShapes.Providers));
        return sources;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(position.Path)}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.Id}";
    }
}
