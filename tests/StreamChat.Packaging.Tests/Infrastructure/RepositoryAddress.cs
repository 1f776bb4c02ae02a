using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>The repository's public address, read from the one place it is written (<c>Directory.Build.props</c>).</summary>
internal static class RepositoryAddress
{
    /// <summary>The <c>RepositoryUrl</c> property of the repository at <paramref name="root"/>.</summary>
    public static Uri Of(string root) =>
        new(XDocument.Load(Path.Combine(root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.Trim());

    /// <summary>Where a GitHub repository serves the raw files of <paramref name="commit"/> (what SourceLink points at).</summary>
    public static string RawFiles(Uri repository, string commit) =>
        repository.Host == "github.com"
            ? $"https://raw.githubusercontent.com{repository.AbsolutePath.TrimEnd('/')}/{commit}/"
            : throw new InvalidOperationException($"The SourceLink tests know GitHub's raw URLs only; {repository} is not on github.com.");

    /// <summary>Where a GitHub repository shows the files of <paramref name="revision"/> (what the package readmes link to).</summary>
    public static string Blob(Uri repository, string revision) => $"{repository.ToString().TrimEnd('/')}/blob/{revision}/";
}
