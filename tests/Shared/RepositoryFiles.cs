using System.IO;
using System.Linq;
using System.Xml.Linq;
using NUnit.Framework;

namespace StreamChat.Tests.Shared;

/// <summary>Finds the repository the tests were built from (linked into the test projects that read its files).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>The repository's public address: <c>RepositoryUrl</c> in Directory.Build.props, the one place it is written.</summary>
    public static string RepositoryUrl { get; } =
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.Trim();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamChat.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("StreamChat.Generated.sln was not found above the test directory.");
    }
}
