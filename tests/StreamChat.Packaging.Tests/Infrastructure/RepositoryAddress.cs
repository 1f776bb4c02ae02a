using System;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>Where GitHub serves a repository's files (the repository's address is <c>RepositoryFiles.RepositoryUrl</c>).</summary>
internal static class RepositoryAddress
{
    /// <summary>Where a GitHub repository serves the raw files of <paramref name="commit"/> (what SourceLink points at).</summary>
    public static string RawFiles(string repository, string commit)
    {
        var uri = new Uri(repository);
        return uri.Host == "github.com"
            ? $"https://raw.githubusercontent.com{uri.AbsolutePath.TrimEnd('/')}/{commit}/"
            : throw new InvalidOperationException($"The SourceLink tests know GitHub's raw URLs only; {repository} is not on github.com.");
    }

    /// <summary>Where a GitHub repository shows the files of <paramref name="revision"/> (what the package readmes link to).</summary>
    public static string Blob(string repository, string revision) => $"{repository.TrimEnd('/')}/blob/{revision}/";
}
