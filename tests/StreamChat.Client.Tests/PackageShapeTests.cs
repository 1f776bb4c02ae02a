using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace StreamChat.Client.Tests;

/// <summary>The runtime package stays small: no IdentityModel, no reflection-based JSON serialization.</summary>
public class PackageShapeTests
{
    private static readonly Assembly ClientAssembly = typeof(Token).Assembly;

    [Test]
    public void Client_does_not_reference_IdentityModel()
    {
        var references = ClientAssembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.That(references, Has.None.StartsWith("System.IdentityModel").And.None.StartsWith("Microsoft.IdentityModel").And.None.StartsWith("Newtonsoft"));
    }

    [Test]
    public void Client_does_not_use_the_reflection_based_JsonSerializer()
    {
        using var stream = File.OpenRead(ClientAssembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();

        var typeNames = metadata.TypeReferences
            .Select(handle => metadata.GetTypeReference(handle))
            .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(typeNames, Does.Contain("System.Text.Json.Utf8JsonReader"), "the check must see the JSON types the codec uses");
            Assert.That(typeNames, Has.None.EqualTo("System.Text.Json.JsonSerializer"));
        });
    }
}
