using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace StreamChat.Docs.Tests;

/// <summary>
/// One Markdown file of the repository, read the way its references are checked: the prose (fenced code blocks left
/// out: commands and code are not references), its links, the paths it quotes and its headings' anchors.
/// </summary>
internal sealed class MarkdownDocument
{
    // What makes quoted text a repository path: a known file extension, or a first segment that is a top-level folder.
    private static readonly Regex KnownExtension = new(@"\.(cs|csproj|sln|slnf|props|targets|md|json|mjs|js|sh|png|txt|xml|ya?ml|globalconfig|editorconfig)$", RegexOptions.IgnoreCase);

    private MarkdownDocument(string root, string path, string text)
    {
        Root = root;
        Path = path;
        Text = text;
        Prose = Regex.Replace(text, @"^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$", string.Empty, RegexOptions.Multiline | RegexOptions.Singleline);
    }

    public string Root { get; }

    /// <summary>The path from the repository root, with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The whole file.</summary>
    public string Text { get; }

    /// <summary>The file without its fenced code blocks.</summary>
    public string Prose { get; }

    /// <summary>The repository's README.md and every Markdown file under docs/.</summary>
    public static IReadOnlyList<MarkdownDocument> All(string root) =>
        new[] { System.IO.Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(System.IO.Path.Combine(root, "docs"), "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            .Select(file => Read(root, file))
            .ToArray();

    public static MarkdownDocument Read(string root, string file) =>
        new(root, System.IO.Path.GetRelativePath(root, file).Replace('\\', '/'), File.ReadAllText(file));

    /// <summary>A document made from text, for the tests of the rules themselves.</summary>
    public static MarkdownDocument FromText(string root, string path, string text) => new(root, path, text);

    /// <summary>
    /// The repository paths quoted in backticks: text with a <c>/</c> and no spaces that ends in a known extension or starts
    /// with a top-level folder. URLs, rooted paths (<c>/usr/bin/chromium</c>, API routes) and patterns
    /// (<c>*</c>, <c>{…}</c>, <c>&lt;…&gt;</c>, <c>…</c>) are not repository paths.
    /// </summary>
    public IEnumerable<string> QuotedPaths()
    {
        var topLevel = Directory.GetDirectories(Root).Select(System.IO.Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        foreach (Match match in Regex.Matches(Prose, @"`([^`\n]+)`"))
        {
            var text = match.Groups[1].Value.Trim().Split('#')[0];
            if (!text.Contains('/') || text.StartsWith('/') || text.Contains("://", StringComparison.Ordinal) || text.IndexOfAny(new[] { ' ', '*', '{', '<', '…', '?', '$' }) >= 0)
            {
                continue;
            }

            if (KnownExtension.IsMatch(text) || topLevel.Contains(text.Split('/')[0]))
            {
                yield return text;
            }
        }
    }

    /// <summary>The targets of Markdown links and images that stay in the repository (no scheme), anchors included.</summary>
    public IEnumerable<string> RelativeLinks() =>
        Regex.Matches(Prose, @"\]\((?<target>[^)\s]+)\)").Select(m => m.Groups["target"].Value)
            .Where(target => !Regex.IsMatch(target, "^[a-z][a-z0-9+.-]*:", RegexOptions.IgnoreCase));

    /// <summary>The anchors GitHub gives this document's headings (lower case, punctuation dropped, spaces as hyphens).</summary>
    public ISet<string> Anchors() =>
        Regex.Matches(Prose, @"^#{1,6}\s+(?<title>.+?)\s*#*\s*$", RegexOptions.Multiline)
            .Select(m => Regex.Replace(m.Groups["title"].Value.ToLowerInvariant(), @"[^\p{L}\p{Nd}\s_-]", string.Empty).Replace(' ', '-'))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The blocks between blank lines, code blocks included.</summary>
    public IEnumerable<string> Paragraphs() => Regex.Split(Text, @"\n\s*\n");

    /// <summary>A link target's file, from this document's folder.</summary>
    public string Resolve(string target) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, System.IO.Path.GetDirectoryName(Path) ?? string.Empty, Uri.UnescapeDataString(target)));
}
