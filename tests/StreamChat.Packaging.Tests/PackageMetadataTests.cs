using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// Every package says what it is, where its sources are and under which license, the way nuget.org shows it: the nuspec's
/// repository (at the packed commit) and project URL, the license expression and text, and a readme of its own whose
/// links work outside the repository.
/// </summary>
public sealed class PackageMetadataTests
{
    /// <summary>Every package the repository ships; a new <c>IsPackable</c> project fails the first test until it is listed.</summary>
    internal static readonly string[] Packages =
    {
        "StreamChat.Client", "StreamChat.Client.DependencyInjection", "StreamChat.DevServer", "StreamChat.DevServer.Tool",
        "StreamChat.Server", "StreamChat.Server.AspNetCore",
    };

    private static PackedPackages Packed => PackagingFixture.Packages;

    private static string Repository => RepositoryFiles.RepositoryUrl;

    [Test]
    public void Every_packable_project_is_packed_and_listed_here()
    {
        Assert.That(Packed.Ids, Is.EqualTo(Packages));
    }

    [TestCaseSource(nameof(Packages))]
    public void Nuspec_names_the_repository_at_the_packed_commit_and_the_project_url(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        var metadata = package.Metadata();
        var repository = metadata.Child("repository");

        Assert.That(Repository, Does.StartWith("https://"));
        Assert.That(repository, Is.Not.Null, metadata.ToString);
        Assert.Multiple(() =>
        {
            Assert.That((string?)repository!.Attribute("type"), Is.EqualTo("git"));
            Assert.That((string?)repository.Attribute("url"), Is.EqualTo(Repository));
            Assert.That((string?)repository.Attribute("commit"), Is.EqualTo(Packed.Commit));
            Assert.That(metadata.Child("projectUrl")?.Value, Is.EqualTo(Repository));
        });
    }

    [TestCaseSource(nameof(Packages))]
    public void License_expression_is_in_the_nuspec_and_the_license_text_in_the_package(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        var license = package.Metadata().Child("license");

        Assert.That(license, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That((string?)license!.Attribute("type"), Is.EqualTo("expression"));
            Assert.That(license.Value, Is.EqualTo("MIT"));
            Assert.That(package.ReadText("LICENSE"), Is.EqualTo(File.ReadAllText(Path.Combine(Packed.Source, "LICENSE"))).And.StartWith("MIT License"));
        });
    }

    [TestCaseSource(nameof(Packages))]
    public void Description_authors_copyright_and_tags_are_set(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        var metadata = package.Metadata();

        Assert.Multiple(() =>
        {
            Assert.That(metadata.Child("id")?.Value, Is.EqualTo(id));
            Assert.That(metadata.Child("version")?.Value, Is.EqualTo(Packed.Version));
            Assert.That(metadata.Child("description")?.Value, Has.Length.GreaterThan(40));
            Assert.That(metadata.Child("authors")?.Value, Is.Not.Empty);
            Assert.That(metadata.Child("copyright")?.Value, Is.Not.Empty);
            Assert.That(metadata.Child("tags")?.Value, Does.Contain("chat"));
        });
    }

    [TestCaseSource(nameof(Packages))]
    public void Readme_is_the_packages_own_and_its_links_work_on_nuget_org(string id)
    {
        using var package = PackageArchive.Open(Packed.Nupkg(id));
        Assert.That(package.Metadata().Child("readme")?.Value, Is.EqualTo("README.md"));
        var readme = package.ReadText("README.md");
        var links = Regex.Matches(readme, @"\]\((?<target>[^)\s]+)\)").Select(match => match.Groups["target"].Value).ToArray();
        var blob = RepositoryAddress.Blob(Repository, Packed.Commit);

        Assert.That(readme.Split('\n')[0].TrimEnd('\r'), Is.EqualTo("# " + id));
        Assert.That(links, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var link in links)
            {
                // nuget.org resolves nothing relative: every link is absolute, and those into the repository are to the
                // packed commit and to a file or folder it has.
                Assert.That(link, Does.StartWith("https://"), $"{id}'s readme links to {link}");
                if (link.StartsWith(blob, StringComparison.Ordinal))
                {
                    var path = Path.Combine(Packed.Source, link[blob.Length..].Split('#')[0]);
                    Assert.That(File.Exists(path) || Directory.Exists(path), Is.True, $"{id}'s readme links to {link}, which the repository does not have");
                }
                else
                {
                    Assert.That(link, Does.Not.StartWith(Repository), $"{id}'s readme links into the repository at another revision than the packed commit");
                }
            }
        });
    }
}
