using System.IO;
using NUnit.Framework;

namespace StreamChat.Tests.Shared;

/// <summary>Finds the repository the tests were built from (linked into the test projects that read its files).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

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
