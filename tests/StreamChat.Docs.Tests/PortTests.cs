using System.Linq;
using StreamChat.Tests.Shared;

namespace StreamChat.Docs.Tests;

/// <summary>
/// The official JavaScript client rewrites <c>:3030</c> in its base URL to <c>:8800</c> for its WebSocket, so no example
/// uses port 3030, in prose or code: a doc names it only where it warns about that rewrite (the same paragraph names 8800).
/// </summary>
public sealed class PortTests
{
    [Test]
    public void Port_3030_is_named_only_in_the_warning_about_the_JavaScript_client()
    {
        var docs = MarkdownDocument.All(RepositoryFiles.Root);
        var named = docs.SelectMany(doc => doc.Paragraphs().Where(p => p.Contains("3030")).Select(p => (doc.Path, Paragraph: p))).ToArray();

        Assert.That(named.Where(n => !n.Paragraph.Contains("8800")).Select(n => $"{n.Path}: {n.Paragraph}"), Is.Empty);
        Assert.That(named.Select(n => n.Path), Does.Contain("docs/devserver.md"), "docs/devserver.md warns about port 3030");
    }
}
