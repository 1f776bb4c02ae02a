using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>Packs every package once for all packaging tests and deletes everything afterwards.</summary>
[SetUpFixture]
public sealed class PackagingFixture
{
    internal static PackedPackages Packages { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task PackAsync() => Packages = await PackedPackages.PackAsync(RepositoryFiles.Root);

    [OneTimeTearDown]
    public void Delete() => Packages?.Delete();
}
