using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;

namespace StreamChat.Generators.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots (DESIGN §6): <c>Snapshots/{Class}.{Method}#{HintName}.verified.cs</c> per generated file,
/// <c>Snapshots/{Class}.{Method}.verified.txt</c> when there are diagnostics. A mismatch writes <c>.received.*</c> and
/// fails; setting <c>STREAMCHAT_ACCEPT_SNAPSHOTS=1</c> accepts what was received instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "STREAMCHAT_ACCEPT_SNAPSHOTS";

    public static string ProjectDirectory { get; } = typeof(Snapshot).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    public static string Directory => Path.Combine(ProjectDirectory, "Snapshots");

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Checks the generated files and the diagnostics against the snapshots of the calling test.</summary>
    public static void Verify(IEnumerable<(string HintName, string Source)> sources, IEnumerable<Diagnostic> diagnostics, [CallerMemberName] string method = "")
    {
        var prefix = TestContext.CurrentContext.Test.ClassName!.Split('.').Last() + "." + method;
        var failures = Check(Directory, prefix, sources, Format(diagnostics), Accepting);
        if (failures.Count > 0)
        {
            Assert.Fail(string.Join("\n", failures));
        }
    }

    /// <summary>Compares, writes received files or accepts them; returns what did not match.</summary>
    internal static List<string> Check(string directory, string prefix, IEnumerable<(string HintName, string Source)> sources, string diagnosticText, bool accept)
    {
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (hintName, source) in sources)
        {
            var stem = $"{prefix}#{Path.GetFileNameWithoutExtension(hintName)}";
            expectedFiles.Add(stem + ".verified.cs");
            Compare(directory, stem, ".cs", $"//HintName: {hintName}\n{source}", accept, failures);
        }

        if (diagnosticText.Length > 0)
        {
            expectedFiles.Add(prefix + ".verified.txt");
            Compare(directory, prefix, ".txt", diagnosticText, accept, failures);
        }

        foreach (var stale in System.IO.Directory.EnumerateFiles(directory, prefix + "*.verified.*")
                     .Where(f => IsOwnFile(Path.GetFileName(f), prefix) && !expectedFiles.Contains(Path.GetFileName(f))))
        {
            if (accept)
            {
                File.Delete(stale);
            }
            else
            {
                failures.Add($"{Path.GetFileName(stale)} is no longer produced; delete it or accept with {AcceptVariable}=1.");
            }
        }

        return failures;
    }

    /// <summary>The text form of diagnostics in a snapshot: one line each, ordered by position.</summary>
    public static string Format(IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
        {
            var span = diagnostic.Location.GetLineSpan();
            builder.Append($"{diagnostic.Id} {diagnostic.Severity} {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): ")
                .Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return builder.ToString();
    }

    private static bool IsOwnFile(string fileName, string prefix) =>
        fileName.StartsWith(prefix + "#", StringComparison.Ordinal) || fileName.StartsWith(prefix + ".verified.", StringComparison.Ordinal);

    private static void Compare(string directory, string stem, string extension, string actual, bool accept, List<string> failures)
    {
        actual = actual.Replace("\r\n", "\n");
        var verified = Path.Combine(directory, stem + ".verified" + extension);
        var received = Path.Combine(directory, stem + ".received" + extension);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        failures.Add(expected is null
            ? $"No snapshot {Path.GetFileName(verified)}; review {Path.GetFileName(received)} and accept with {AcceptVariable}=1."
            : $"{Path.GetFileName(verified)} differs from what was generated; compare with {Path.GetFileName(received)}, accept with {AcceptVariable}=1.");
    }
}
