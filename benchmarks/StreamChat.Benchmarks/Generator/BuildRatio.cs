using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.Generator;

/// <summary>
/// <c>--build-ratio [rounds] [server|fresh|both]</c>: what the generator adds to a real <c>dotnet build</c> of the 1,000-record
/// corpus (the target: at most 2× the same build without it). The records are written into a project referencing the
/// repository's StreamChat.Client and, as an analyzer, StreamChat.Generators; the build without the generator is the same
/// project with <c>-p:StreamChatGenerator=false</c>, which takes the generator assembly out of <c>@(Analyzer)</c> before the
/// compiler runs. The code that calls generated members cannot compile without them, so the two sides hold the records
/// alone; the whole corpus with that code, and the generator, is timed beside them for reference, and so is the project
/// without its records, a build's fixed cost, which both sides of the ratio carry. Each build is the project alone
/// (<c>--no-incremental --no-restore -p:BuildProjectReferences=false</c>, references built once before); the rounds
/// alternate the four builds, and the medians are printed.
/// <para>
/// The compiler is chosen per build, not left to the environment: <c>server</c> passes <c>-p:UseSharedCompilation=true</c>
/// (the SDK's compiler server, a developer machine's default, warmed by a first round that is not counted); <c>fresh</c>
/// passes <c>false</c> (a new compiler process per build, whose code is compiled just in time on every build, as in CI and
/// wherever the environment sets <c>UseSharedCompilation=false</c>). <c>both</c>, the default, measures the two in turn.
/// </para>
/// </summary>
internal static class BuildRatio
{
    private const string Switch = "StreamChatGenerator";

    // Leaves the records out of the build: what remains is a build's fixed cost (MSBuild, references, the compiler's start).
    private const string NoRecords = "StreamChatNoRecords";

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        bool[]? compilerServer = (args.Length > 1 ? args[1] : "both") switch
        {
            "server" => [true],
            "fresh" => [false],
            "both" => [true, false],
            _ => null,
        };
        if (compilerServer is null)
        {
            Console.Error.WriteLine($"'{args[1]}' is not a compiler mode: use server (the compiler server), fresh (a new compiler process per build) or both.");
            return 2;
        }
        var root = ReportAnalyzerBuild.RepositoryRoot();
        var recordsOnly = Directory.CreateTempSubdirectory("streamchat-build-records-").FullName;
        var wholeCorpus = Directory.CreateTempSubdirectory("streamchat-build-corpus-").FullName;
        try
        {
            WriteProject(recordsOnly, root, ClaimsRecordCorpus.Records().Select(f => (f.Path, ClaimsRecordCorpus.WithoutUserCode(f.Source))));
            WriteProject(wholeCorpus, root, ClaimsRecordCorpus.Records());

            // Restores, and builds StreamChat.Client and the generator, once; the timed builds below are the project alone.
            foreach (var folder in new[] { recordsOnly, wholeCorpus })
            {
                if (await ReportAnalyzerBuild.DotnetAsync(folder, ["build", "-c", "Release"]) is { ExitCode: not 0 } failed)
                {
                    Console.WriteLine(failed.Output);
                    return failed.ExitCode;
                }
            }

            foreach (var server in compilerServer)
            {
                if (await MeasureAsync(recordsOnly, wholeCorpus, rounds, server) is not 0 and var failed)
                {
                    return failed;
                }
            }

            return 0;
        }
        finally
        {
            Directory.Delete(recordsOnly, recursive: true);
            Directory.Delete(wholeCorpus, recursive: true);
        }
    }

    private static async Task<int> MeasureAsync(string recordsOnly, string wholeCorpus, int rounds, bool server)
    {
        var mode = server ? "compiler server" : "a new compiler process per build";
        Console.WriteLine($"== {mode} (-p:UseSharedCompilation={server.ToString().ToLowerInvariant()})");
        (string Name, string Folder, bool Generator, bool Records)[] builds =
        [
            ("records, with the generator", recordsOnly, true, true),
            ("records, without the generator", recordsOnly, false, true),
            ("records and the code using them, with the generator", wholeCorpus, true, true),
            ("no records (a build's fixed cost)", recordsOnly, false, false),
        ];
        var seconds = builds.ToDictionary(b => b.Name, _ => new List<double>());
        try
        {
            if (await TimeRoundsAsync(builds, seconds, rounds, server) is not 0 and var failed)
            {
                return failed;
            }
        }
        finally
        {
            if (server)
            {
                // The server outlives the builds, a failed one too; it is not left behind.
                await ReportAnalyzerBuild.DotnetAsync(recordsOnly, ["build-server", "shutdown"]);
            }
        }

        var medians = builds.Select(b => Median(seconds[b.Name])).ToArray();
        for (var i = 0; i < builds.Length; i++)
        {
            Console.WriteLine($"median of {rounds}: {builds[i].Name}: {medians[i]:F1} s");
        }

        // Also the median of each round's own ratio: a neighbour's burst in one round then moves one ratio, not a median.
        Console.WriteLine($"{mode}: records with ÷ without the generator: {medians[0] / medians[1]:F2}× of the medians, {PerRound(0, 1):F2}× per round (target ≤ 2×)");
        Console.WriteLine($"{mode}: records and their code with the generator ÷ records without it: {medians[2] / medians[1]:F2}× of the medians, {PerRound(2, 1):F2}× per round (reference)");

        // Past the fixed cost: what the records cost the compiler, and what the generator and its code add to that.
        Console.WriteLine($"{mode}: beyond the fixed {medians[3]:F1} s, the records take {medians[1] - medians[3]:F1} s and the generator with its code adds {medians[0] - medians[1]:F1} s ({(medians[0] - medians[1]) / (medians[1] - medians[3]):F2}× the records' own)");
        return 0;

        double PerRound(int candidate, int reference) =>
            Median(seconds[builds[candidate].Name].Zip(seconds[builds[reference].Name], (a, b) => a / b));
    }

    // Alternates the builds for the uncounted round 0 and the counted rounds, adding each counted time to its list.
    private static async Task<int> TimeRoundsAsync((string Name, string Folder, bool Generator, bool Records)[] builds, Dictionary<string, List<double>> seconds, int rounds, bool server)
    {
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var (name, folder, generator, records) in builds)
            {
                var start = Stopwatch.GetTimestamp();
                var result = await ReportAnalyzerBuild.DotnetAsync(folder, ["build", "-c", "Release", "--no-incremental", "--no-restore", "-p:BuildProjectReferences=false", $"-p:{Switch}={generator}", $"-p:{NoRecords}={!records}", $"-p:UseSharedCompilation={server}"]);
                var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
                if (result.ExitCode != 0)
                {
                    Console.WriteLine(result.Output);
                    return result.ExitCode;
                }

                // The assembly's size shows which side ran: without the generator the records have no generated members.
                var size = new FileInfo(Path.Combine(folder, "bin", "Release", "net10.0", "Scale.dll")).Length;
                Console.WriteLine($"round {(round == 0 ? "0 (warm-up, not counted)" : round.ToString(CultureInfo.InvariantCulture))}: {name}: {elapsed:F1} s, Scale.dll {size:N0} B (load {LoadAverage()})");
                if (round > 0)
                {
                    seconds[name].Add(elapsed);
                }
            }
        }

        return 0;
    }

    private static void WriteProject(string folder, string root, IEnumerable<(string Path, string Source)> files)
    {
        ReportAnalyzerBuild.WriteRecords(folder, files);
        File.WriteAllText(Path.Combine(folder, ClaimsRecordCorpus.UnrelatedPath), ClaimsRecordCorpus.Unrelated(1));
        File.WriteAllText(Path.Combine(folder, "Scale.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <{Switch} Condition="'$({Switch})' == ''">true</{Switch}>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/StreamChat.Client/StreamChat.Client.csproj" />
                <ProjectReference Include="{root}/generators/StreamChat.Generators/StreamChat.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
              <ItemGroup Condition="'$({NoRecords})' == 'true'">
                <Compile Remove="Records/**" />
              </ItemGroup>
              <!-- The build without the generator: the same references and restore, the generator assembly left out of the compiler's analyzers. -->
              <Target Name="RemoveStreamChatGenerator" BeforeTargets="CoreCompile" Condition="'$({Switch})' != 'true'">
                <ItemGroup>
                  <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'StreamChat.Generators'" />
                </ItemGroup>
              </Target>
            </Project>
            """);
    }

    // Sorts a copy: the lists keep their round order for the per-round ratios.
    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
