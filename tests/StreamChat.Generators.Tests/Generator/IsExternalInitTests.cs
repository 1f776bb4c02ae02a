using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// Issue 19: a positional record needs System.Runtime.CompilerServices.IsExternalInit, which netstandard2.x, .NET
/// Framework and Unity lack. The generator emits an internal one when a compilation with a claims record cannot see
/// one, and never when it can: its own, its framework's, or a referenced assembly's that is public or visible to it.
/// </summary>
public sealed class IsExternalInitTests
{
    private const string HintName = "System.Runtime.CompilerServices.IsExternalInit.g.cs";

    private static readonly CSharpParseOptions CSharp9 = TestCompilation.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp9);

    private const string Record = """
        using StreamChat.Claims;

        namespace MyApp
        {
            [TokenClaims]
            public partial record PlayerClaims(string UserId, int Level);
        }
        """;

    private const string OwnIsExternalInit = "namespace System.Runtime.CompilerServices { internal static class IsExternalInit { } }";

    [Test]
    public void Emitted_for_a_netstandard2_0_compilation_without_one()
    {
        var compilation = NetStandard(Record);
        Assert.That(TestCompilation.Problems(compilation).Select(d => d.Id), Does.Contain("CS0518"), "the record alone does not compile there");

        var run = GeneratorRunner.Run(compilation, CSharp9);

        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain(HintName));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
        Snapshot.Verify(run.Sources.Where(s => s.HintName == HintName).Select(s => (s.HintName, s.SourceText.ToString())), run.DriverDiagnostics);
    }

    [Test]
    public void Not_emitted_when_the_compilation_declares_its_own() =>
        AssertNotEmitted(NetStandard(Record, OwnIsExternalInit));

    [Test]
    public void Not_emitted_when_the_framework_has_it() =>
        AssertNotEmitted(TestCompilation.Create(CSharp9, Record));

    [Test]
    public void Not_emitted_without_a_claims_record() =>
        Assert.That(GeneratorRunner.Run(NetStandard("namespace MyApp { public sealed class Other { } }"), CSharp9).Sources, Is.Empty);

    [Test]
    public void Not_emitted_when_a_referenced_assembly_declares_a_public_one() =>
        AssertNotEmitted(NetStandard(Record).AddReferences(Library("namespace System.Runtime.CompilerServices { public static class IsExternalInit { } }")));

    [Test]
    public void Not_emitted_when_a_referenced_assembly_shows_its_internal_one_to_this_compilation() =>
        AssertNotEmitted(NetStandard(Record).AddReferences(Library(
            "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"Consumer\")]\n" + OwnIsExternalInit)));

    [Test]
    public void Emitted_when_a_referenced_assembly_declares_an_internal_one_this_compilation_cannot_see()
    {
        var compilation = NetStandard(Record).AddReferences(Library(OwnIsExternalInit));

        var run = GeneratorRunner.Run(compilation, CSharp9);

        Assert.That(run.Sources.Select(s => s.HintName), Does.Contain(HintName));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
    }

    private static void AssertNotEmitted(Compilation compilation)
    {
        var run = GeneratorRunner.Run(compilation, CSharp9);

        Assert.That(run.Sources.Select(s => s.HintName), Is.EqualTo(new[] { "MyApp.PlayerClaims.g.cs" }));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
    }

    private static CSharpCompilation NetStandard(params string[] sources) =>
        TestCompilation.Create(CSharp9, sources).WithReferences(NetStandardReferences.All);

    /// <summary>Another netstandard2.0 assembly of the user's, compiled from <paramref name="source"/>.</summary>
    private static MetadataReference Library(string source)
    {
        var library = CSharpCompilation.Create(
            "Library",
            new[] { CSharpSyntaxTree.ParseText(source, CSharp9) },
            NetStandardReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = library.Emit(image);
        Assert.That(emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty);
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
