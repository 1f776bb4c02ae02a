using System.IO;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>The snapshot helper itself: it fails on a difference, leaves a received file, and accepts on request.</summary>
public sealed class SnapshotTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => _directory = Directory.CreateTempSubdirectory("snapshots").FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public void A_missing_snapshot_fails_and_writes_the_received_file()
    {
        var failures = Snapshot.Check(_directory, "C.M", [("A.g.cs", "class A { }\n")], string.Empty, accept: false);

        Assert.That(failures, Has.Count.EqualTo(1));
        Assert.That(File.ReadAllText(Path.Combine(_directory, "C.M#A.g.received.cs")), Is.EqualTo("//HintName: A.g.cs\nclass A { }\n"));
    }

    [Test]
    public void A_different_snapshot_fails_and_an_equal_one_passes_and_clears_the_received_file()
    {
        File.WriteAllText(Path.Combine(_directory, "C.M#A.g.verified.cs"), "//HintName: A.g.cs\nclass A { }\n");

        var different = Snapshot.Check(_directory, "C.M", [("A.g.cs", "class B { }\n")], string.Empty, accept: false);
        var equal = Snapshot.Check(_directory, "C.M", [("A.g.cs", "class A { }\r\n")], string.Empty, accept: false);

        Assert.That(different, Has.Count.EqualTo(1));
        Assert.That(equal, Is.Empty);
        Assert.That(File.Exists(Path.Combine(_directory, "C.M#A.g.received.cs")), Is.False);
    }

    [Test]
    public void Accepting_writes_the_verified_files_and_deletes_stale_ones()
    {
        File.WriteAllText(Path.Combine(_directory, "C.M#Old.g.verified.cs"), "old");
        File.WriteAllText(Path.Combine(_directory, "C.Mx#Other.g.verified.cs"), "another test's snapshot");

        var failures = Snapshot.Check(_directory, "C.M", [("A.g.cs", "class A { }\n")], "SCHAT101 Error x\n", accept: true);

        Assert.That(failures, Is.Empty);
        Assert.That(File.Exists(Path.Combine(_directory, "C.M#A.g.verified.cs")), Is.True);
        Assert.That(File.ReadAllText(Path.Combine(_directory, "C.M.verified.txt")), Is.EqualTo("SCHAT101 Error x\n"));
        Assert.That(File.Exists(Path.Combine(_directory, "C.M#Old.g.verified.cs")), Is.False);
        Assert.That(File.Exists(Path.Combine(_directory, "C.Mx#Other.g.verified.cs")), Is.True);
    }

    [Test]
    public void A_diagnostics_file_that_is_no_longer_produced_fails()
    {
        File.WriteAllText(Path.Combine(_directory, "C.M.verified.txt"), "SCHAT101 Error x\n");

        var failures = Snapshot.Check(_directory, "C.M", [], string.Empty, accept: false);

        Assert.That(failures, Has.Count.EqualTo(1));
    }
}
