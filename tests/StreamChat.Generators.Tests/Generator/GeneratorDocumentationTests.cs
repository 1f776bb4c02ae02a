using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>The generated code shown in docs/generator.md is real: each block still appears verbatim in its snapshot.</summary>
public sealed partial class GeneratorDocumentationTests
{
    [Test]
    public void Every_code_block_taken_from_a_snapshot_matches_the_snapshot()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "generator.md")).Replace("\r\n", "\n");

        var blocks = SnapshotBlock().Matches(doc).ToList();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(3));
        foreach (var block in blocks)
        {
            var snapshot = File.ReadAllText(Path.Combine(Snapshot.Directory, block.Groups["file"].Value)).Replace("\r\n", "\n");
            Assert.That(snapshot, Does.Contain(block.Groups["code"].Value), block.Groups["file"].Value);
        }
    }

    [GeneratedRegex(@"<!-- snapshot: (?<file>[^ ]+) -->\n```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex SnapshotBlock();
}
