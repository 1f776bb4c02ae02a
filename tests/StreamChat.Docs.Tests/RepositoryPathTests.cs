using System;
using System.IO;
using System.Linq;
using StreamChat.Tests.Shared;

namespace StreamChat.Docs.Tests;

/// <summary>
/// README.md and docs/**/*.md name only what this repository has: every path they quote exists (from the root, or as the
/// end of a path, for a guide naming files from the folder it is about), and every relative link (and its anchor) leads
/// somewhere.
/// </summary>
public sealed class RepositoryPathTests
{
    [Test]
    public void Every_repository_path_the_docs_quote_exists()
    {
        var repository = new RepositoryIndex(RepositoryFiles.Root);
        var missing = MarkdownDocument.All(RepositoryFiles.Root)
            .SelectMany(doc => doc.QuotedPaths().Where(path => !repository.Has(path)).Select(path => $"{doc.Path}: `{path}`"))
            .ToArray();

        Assert.That(missing, Is.Empty, "Name a file of this repository by its path, or describe what is elsewhere instead of quoting a path.");
    }

    [Test]
    public void Every_relative_link_in_the_docs_leads_to_a_file_and_heading_of_the_repository()
    {
        var broken = MarkdownDocument.All(RepositoryFiles.Root)
            .SelectMany(doc => doc.RelativeLinks().Where(link => !Leads(doc, link)).Select(link => $"{doc.Path}: ({link})"))
            .ToArray();

        Assert.That(broken, Is.Empty);
    }

    [Test]
    public void Only_paths_and_links_count()
    {
        // The rules themselves: a test that found nothing would pass without checking anything.
        var doc = MarkdownDocument.FromText(RepositoryFiles.Root, "docs/example.md", """
            # A page

            See `shared/DESIGN.md`, `src/StreamChat.Client`, `tests/Nowhere/` and `src/Shared/ReservedClaims.cs#L3`, but not
            `application/json`, `/usr/bin/chromium`, `/channels/{type}/{id}/query`, `http://127.0.0.1:4100/`,
            `Snapshots/{Class}.verified.cs`, `build/` or `ChatClient*.cs`. Links: [a](client.md#layout), [b](../README.md),
            [c](https://example.com/x.md), ![d](images/dashboard.png).

            ```sh
            dotnet run --project samples/Nowhere/Nowhere.csproj
            ```
            """);

        var repository = new RepositoryIndex(RepositoryFiles.Root);

        Assert.That(doc.QuotedPaths(), Is.EqualTo(new[] { "shared/DESIGN.md", "src/StreamChat.Client", "tests/Nowhere/", "src/Shared/ReservedClaims.cs" }));
        Assert.That(doc.QuotedPaths().Select(repository.Has), Is.EqualTo(new[] { false, true, false, true }));
        Assert.That(repository.Has("js/package-lock.json") && repository.Has("build/StreamChat.Client.targets"), Is.True, "the end of a path");
        Assert.That(doc.RelativeLinks(), Is.EqualTo(new[] { "client.md#layout", "../README.md", "images/dashboard.png" }));
        Assert.That(doc.RelativeLinks().Select(link => Leads(doc, link)), Is.All.True);
        Assert.That(Leads(doc, "client.md#no-such-heading"), Is.False);
        Assert.That(doc.Anchors(), Is.EquivalentTo(new[] { "a-page" }));
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static bool Leads(MarkdownDocument doc, string link)
    {
        var hash = link.IndexOf('#', StringComparison.Ordinal);
        var target = hash < 0 ? link : link[..hash];
        var anchor = hash < 0 ? null : link[(hash + 1)..];
        var file = target.Length == 0 ? Path.Combine(doc.Root, doc.Path) : doc.Resolve(target);
        if (!Exists(file))
        {
            return false;
        }

        return anchor is null || !file.EndsWith(".md", StringComparison.Ordinal)
            || MarkdownDocument.Read(doc.Root, file).Anchors().Contains(anchor);
    }
}
