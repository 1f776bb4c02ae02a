using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// <c>--reportanalyzer</c>: the 1,000-record corpus as a real project, referencing the repository's StreamChat.Client, the
/// generator and the analyzers, built with the machine's SDK and <c>-p:ReportAnalyzer=true</c> (the compiler's
/// <c>/reportAnalyzer</c>): prints the compiler's own analyzer and generator times, beside the SDK's analyzers and generators
/// in the same build. Twice: the first build compiles the references too; the second, after an unrelated edit, is the
/// project alone on a warm compiler server.
/// </summary>
internal static partial class ReportAnalyzerBuild
{
    public static async Task<int> RunAsync()
    {
        var root = RepositoryRoot();
        var folder = Directory.CreateTempSubdirectory("streamchat-scale-").FullName;
        try
        {
            WriteProject(folder, root);
            for (var build = 1; build <= 2; build++)
            {
                File.WriteAllText(Path.Combine(folder, ClaimsRecordCorpus.UnrelatedPath), ClaimsRecordCorpus.Unrelated(build));
                var start = Stopwatch.GetTimestamp();
                var (exitCode, output) = await BuildAsync(folder);
                Console.WriteLine($"Build {build} ({(build == 1 ? "with its references" : "after an unrelated edit")}): exit code {exitCode}, {Stopwatch.GetElapsedTime(start).TotalSeconds:N1} s");
                foreach (var line in output.Split('\n').Select(l => l.TrimEnd()).Where(IsReportLine))
                {
                    Console.WriteLine(line.Trim());
                }

                if (exitCode != 0)
                {
                    Console.WriteLine(output);
                    return exitCode;
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The totals, one line per analyzer or generator assembly, StreamChat's own rows, and the compiler task's total time.
    private static bool IsReportLine(string line) =>
        line.Contains("Total analyzer execution time", StringComparison.Ordinal)
        || CscTask().IsMatch(line)
        || line.Contains("Total generator execution time", StringComparison.Ordinal)
        || AssemblyRow().IsMatch(line)
        || (line.Contains("StreamChat.", StringComparison.Ordinal) && TimeRow().IsMatch(line));

    [GeneratedRegex(@"^\s*(<)?\d+\.\d+\s+(<)?\d+\s+[\w.]+, Version=")]
    private static partial Regex AssemblyRow();

    [GeneratedRegex(@"^\s*(<)?\d+\.\d+\s+(<)?\d+\s+")]
    private static partial Regex TimeRow();

    [GeneratedRegex(@"^\s*\d+ ms\s+Csc\s+\d+ calls")]
    private static partial Regex CscTask();

    /// <summary>Writes the corpus's <paramref name="files"/> (paths under <c>Records/</c>) into <paramref name="folder"/>.</summary>
    internal static void WriteRecords(string folder, IEnumerable<(string Path, string Source)> files)
    {
        Directory.CreateDirectory(Path.Combine(folder, "Records"));
        foreach (var (path, source) in files)
        {
            File.WriteAllText(Path.Combine(folder, path), source);
        }
    }

    private static void WriteProject(string folder, string root)
    {
        WriteRecords(folder, ClaimsRecordCorpus.Records());
        File.WriteAllText(Path.Combine(folder, "Scale.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <ReportAnalyzer>true</ReportAnalyzer>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/StreamChat.Client/StreamChat.Client.csproj" />
                <ProjectReference Include="{root}/generators/StreamChat.Generators/StreamChat.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{root}/analyzers/StreamChat.Analyzers/StreamChat.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
    }

    private static Task<(int ExitCode, string Output)> BuildAsync(string folder) =>
        DotnetAsync(folder, ["build", "-c", "Release", "-v:d", "-clp:PerformanceSummary", "-nodeReuse:false"]);

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="folder"/>; its exit code and output.</summary>
    internal static async Task<(int ExitCode, string Output)> DotnetAsync(string folder, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet build.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StreamChat.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("StreamChat.Generated.sln was not found above the benchmarks' output folder; run from the repository.");
    }
}
