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
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (hintName, source) in sources)
        {
            var stem = $"{prefix}#{Path.GetFileNameWithoutExtension(hintName)}";
            expectedFiles.Add(stem + ".verified.cs");
            Compare(stem, ".cs", $"//HintName: {hintName}\n{source}", failures);
        }

        var diagnosticText = Format(diagnostics);
        if (diagnosticText.Length > 0)
        {
            expectedFiles.Add(prefix + ".verified.txt");
            Compare(prefix, ".txt", diagnosticText, failures);
        }

        foreach (var stale in System.IO.Directory.EnumerateFiles(Directory, prefix + "*.verified.*")
                     .Where(f => IsOwnFile(Path.GetFileName(f), prefix) && !expectedFiles.Contains(Path.GetFileName(f))))
        {
            if (Accepting)
            {
                File.Delete(stale);
            }
            else
            {
                failures.Add($"{Path.GetFileName(stale)} is no longer produced; delete it or accept with {AcceptVariable}=1.");
            }
        }

        if (failures.Count > 0)
        {
            Assert.Fail(string.Join("\n", failures));
        }
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

    private static void Compare(string stem, string extension, string actual, List<string> failures)
    {
        actual = actual.Replace("\r\n", "\n");
        var verified = Path.Combine(Directory, stem + ".verified" + extension);
        var received = Path.Combine(Directory, stem + ".received" + extension);
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Accepting)
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
