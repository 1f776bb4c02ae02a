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

    private static IEnumerable<string[]> Orders()
    {
        yield return Ids;
        yield return Ids.Reverse().ToArray();
        yield return new[] { "SCHAT109", "SCHAT002", "SCHAT004", "SCHAT101", "SCHAT001", "SCHAT003" };
        yield return new[] { "SCHAT003", "SCHAT001", "SCHAT101", "SCHAT004", "SCHAT002", "SCHAT109" };
    }

    [Test]
    public async Task Fixing_all_ids_gives_the_same_result_in_every_order()
    {
        var results = new List<Dictionary<string, string>>();
        foreach (var order in Orders())
        {
            results.Add(await new FormatLikeFixer(Sources()).FixAsync(order));
        }

        foreach (var p in results[0]) System.IO.File.WriteAllText("/tmp/cf/h_" + System.IO.Path.GetFileName(p.Key), p.Value);
        Assert.That(results[0]["/0/Providers.cs"], Does.Contain("#if DEBUG"), "nothing was fixed");
        foreach (var result in results.Skip(1))
        {
            foreach (var (path, text) in results[0])
            {
                Assert.That(result[path], Is.EqualTo(text), path);
            }
        }
    }

    [Test]
    public async Task Fixed_project_has_no_diagnostic_but_the_wrapper_call_in_release_and_none_with_DEBUG()
    {
        var fixedSources = (await new FormatLikeFixer(Sources()).FixAsync(Ids)).Select(pair => (pair.Key, pair.Value)).ToList();

        var release = await new FormatLikeFixer(fixedSources).DiagnosticsAsync();
        var debug = await new FormatLikeFixer(fixedSources, defineDebug: true).DiagnosticsAsync();

        Assert.That(release.Select(Describe), Is.EqualTo(new[] { FlaggedShapes.UnfixableWrapperCall }));
        Assert.That(debug.Select(Describe), Is.Empty);
        Assert.That(
            fixedSources.Sum(file => CountOf(file.Item2, "ChatClaimsTokenProvider.Closure(")),
            Is.EqualTo(FlaggedShapes.TypedClosures));
    }

    [Test]
    public async Task Second_run_changes_nothing()
    {
        var once = await new FormatLikeFixer(Sources()).FixAsync(Ids);
        var twice = await new FormatLikeFixer(once.Select(pair => (pair.Key, pair.Value)).ToList()).FixAsync(Ids);

        Assert.That(twice, Is.EqualTo(once));
    }

    [Test]
    public async Task Every_fix_all_works_without_an_equivalence_key()
    {
        var result = await new FormatLikeFixer(Sources(), nullEquivalenceKey: true).FixAsync(Ids);

        Assert.That(result, Is.EqualTo(await new FormatLikeFixer(Sources()).FixAsync(Ids)));
    }

    private static List<(string Path, string Source)> Sources()
    {
        var sources = FlaggedShapes.Files.Select(file => ("/0/" + file.Name, file.Source)).ToList();
        sources.AddRange(GeneratedClaims.For(FlaggedShapes.Providers));
        return sources;
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var position = diagnostic.Location.GetLineSpan();
        return $"{System.IO.Path.GetFileName(position.Path)}({position.StartLinePosition.Line + 1},{position.StartLinePosition.Character + 1}): {diagnostic.Id}";
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, System.StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, System.StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
