using System.Linq;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>The generated code of each kind of claims record, checked against committed snapshots.</summary>
public sealed class GeneratorSnapshotTests
{
    [Test]
    public void MinimalRecord() => Verify(SnapshotCases.MinimalRecord);

    [Test]
    public void AllSupportedTypes() => Verify(SnapshotCases.AllSupportedTypes);

    [Test]
    public void OptionalClaims() => Verify(SnapshotCases.OptionalClaims);

    [Test]
    public void RenamedClaims() => Verify(SnapshotCases.RenamedClaims);

    [Test]
    public void NestedType() => Verify(SnapshotCases.NestedType);

    [Test]
    public void GlobalNamespace() => Verify(SnapshotCases.GlobalNamespace);

    [Test]
    public void FileScopedNamespace() => Verify(SnapshotCases.FileScopedNamespace);

    [Test]
    public void KeywordNames() => Verify(SnapshotCases.KeywordNames);

    [Test]
    public void RecordStruct() => Verify(SnapshotCases.RecordStruct);

    [Test]
    public void DerivedRecord() => Verify(SnapshotCases.DerivedRecord, expectedFiles: 2);

    private static void Verify(string source, int expectedFiles = 1, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var run = GeneratorRunner.Run(TestCompilation.Create(source));
        Assert.That(run.Sources, Has.Count.EqualTo(expectedFiles), "one file per valid claims record");
        Snapshot.Verify(run.Sources.Select(s => (s.HintName, s.SourceText.ToString())), run.DriverDiagnostics, method);
    }
}
