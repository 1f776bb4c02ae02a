using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using StreamChat.Tests.Shared;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>
/// A freshly written console project that references the packed packages from the local feed (StreamChat.Client unless
/// told otherwise; the normal NuGet source for their dependencies), outside the repository so none of its build files apply.
/// </summary>
internal sealed class ConsumerProject
{
    private ConsumerProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static ConsumerProject Create(PackedPackages package, string programSource) =>
        Create(package, new[] { ("Program.cs", programSource) });

    /// <summary>
    /// A consumer with the given source files; <paramref name="properties"/> go into the project's property group as XML,
    /// <paramref name="packages"/> (id and version) are its package references (the packed StreamChat.Client by default),
    /// and <paramref name="sdk"/> is the project's SDK (<c>Microsoft.NET.Sdk.Web</c> for an ASP.NET Core app).
    /// </summary>
    public static ConsumerProject Create(
        PackedPackages package,
        IEnumerable<(string Name, string Source)> files,
        string properties = "",
        IEnumerable<(string Id, string Version)>? packages = null,
        string sdk = "Microsoft.NET.Sdk")
    {
        var references = string.Concat((packages ?? new[] { (PackedPackages.ClientId, package.Version) })
            .Select(reference => $"""{Environment.NewLine}    <PackageReference Include="{reference.Id}" Version="{reference.Version}" />"""));
        var directory = NewDirectory(package);
        WriteNuGetConfig(package, directory);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $$"""
            <Project Sdk="{{sdk}}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
            {{properties}}
              </PropertyGroup>
              <ItemGroup>{{references}}
              </ItemGroup>
            </Project>
            """);
        foreach (var (name, source) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), source);
        }

        return new ConsumerProject(directory);
    }

    /// <summary>
    /// A project made by <c>dotnet new <paramref name="template"/></c> (named Consumer), as a user starts one, then given a
    /// reference to the packed StreamChat.Client, the given <paramref name="properties"/> and extra source files.
    /// </summary>
    public static async Task<ConsumerProject> FromTemplateAsync(PackedPackages package, string[] template, IEnumerable<(string Name, string Source)> files, string properties = "")
    {
        var directory = NewDirectory(package);
        var created = await DotnetCli.RunAsync(directory, ["new", .. template, "-n", "Consumer", "-o", ".", "--no-restore"]);
        if (created.ExitCode != 0)
        {
            throw new InvalidOperationException(created.ToString());
        }

        WriteNuGetConfig(package, directory);
        var projectFile = Path.Combine(directory, "Consumer.csproj");
        var project = XDocument.Load(projectFile);
        var root = project.Root!;
        root.Add(XElement.Parse($"<PropertyGroup>{properties}</PropertyGroup>"));
        root.Add(new XElement("ItemGroup", new XElement("PackageReference", new XAttribute("Include", PackedPackages.ClientId), new XAttribute("Version", package.Version))));
        project.Save(projectFile);
        foreach (var (name, source) in files)
        {
            var path = Path.Combine(directory, name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, source);
        }

        return new ConsumerProject(directory);
    }

    private static string NewDirectory(PackedPackages package)
    {
        var directory = Path.Combine(package.WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    private static void WriteNuGetConfig(PackedPackages package, string directory)
    {
        // A package folder of its own, falling back to the user's for dependencies, so the test version never
        // lands in the user's cache.
        var userPackages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{package.Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(directory, "packages")}" />
              </config>
              <fallbackPackageFolders>
                <add key="user" value="{userPackages}" />
              </fallbackPackageFolders>
            </configuration>
            """);
    }

    /// <summary>
    /// The test framework packages (Microsoft.NET.Test.Sdk, NUnit, NUnit3TestAdapter) at the versions the repository pins,
    /// so a consumer test project's restore needs nothing new.
    /// </summary>
    public static (string Id, string Version)[] TestFrameworkPackages()
    {
        // Only these ids: others may be pinned twice under conditions (Microsoft.CodeAnalysis.CSharp, per Roslyn build).
        var ids = new[] { "Microsoft.NET.Test.Sdk", "NUnit", "NUnit3TestAdapter" };
        var pins = XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Where(e => ids.Contains((string)e.Attribute("Include")!))
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        return ids.Select(id => (id, pins[id])).ToArray();
    }

    /// <summary>Builds from scratch (so every warning is reported again) with the given configuration and properties.</summary>
    public Task<CliResult> BuildAsync(string configuration, params string[] properties)
    {
        var arguments = new[] { "build", "-c", configuration, "--no-incremental", "--disable-build-servers" };
        var all = new string[arguments.Length + properties.Length];
        arguments.CopyTo(all, 0);
        for (var i = 0; i < properties.Length; i++)
        {
            all[arguments.Length + i] = "-p:" + properties[i];
        }

        return DotnetCli.RunAsync(Directory, all);
    }

    /// <summary>Publishes in Release for <paramref name="runtimeIdentifier"/> into <see cref="PublishDirectory"/>.</summary>
    public Task<CliResult> PublishAsync(string runtimeIdentifier) =>
        DotnetCli.RunAsync(Directory, "publish", "-c", "Release", "-r", runtimeIdentifier, "-o", PublishDirectory, "--disable-build-servers");

    /// <summary>Publishes in Release for the project's own runtime (a browser app's browser-wasm) into <see cref="PublishDirectory"/>.</summary>
    public Task<CliResult> PublishAsync() =>
        DotnetCli.RunAsync(Directory, "publish", "-c", "Release", "-o", PublishDirectory, "--disable-build-servers");

    /// <summary>Where <see cref="PublishAsync"/> puts the app.</summary>
    public string PublishDirectory => Path.Combine(Directory, "publish");

    /// <summary>Runs the project's tests with <c>dotnet test</c>, printing each test's outcome.</summary>
    public Task<CliResult> TestAsync() =>
        DotnetCli.RunAsync(Directory, "test", "--logger", "console;verbosity=normal", "--disable-build-servers");

    /// <summary>Runs <c>dotnet format analyzers</c> in the project with the given environment and arguments.</summary>
    public Task<CliResult> FormatAnalyzersAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new string[arguments.Length + 2];
        all[0] = "format";
        all[1] = "analyzers";
        arguments.CopyTo(all, 2);
        return DotnetCli.RunAsync(Directory, environment, all);
    }

    /// <summary>The project's C# files by name.</summary>
    public SortedDictionary<string, string> Sources()
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in System.IO.Directory.GetFiles(Directory, "*.cs"))
        {
            sources[Path.GetFileName(file)] = File.ReadAllText(file);
        }

        return sources;
    }
}
