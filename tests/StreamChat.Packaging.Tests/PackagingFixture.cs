using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>Packs the package once for all packaging tests and deletes everything afterwards.</summary>
[SetUpFixture]
public sealed class PackagingFixture
{
    internal static PackedPackage Package { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task PackAsync() => Package = await PackedPackage.PackAsync(RepositoryFiles.Root);

    [OneTimeTearDown]
    public void Delete() => Package?.Delete();
}
