using System.IO;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>Folders of the repository the tests read: found from the test project's own folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Path.GetFullPath(Path.Combine(Snapshot.ProjectDirectory, "..", ".."));

    public static string GeneratorProject => Path.Combine(Root, "generators", "StreamChat.Generators");
}
