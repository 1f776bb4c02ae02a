using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// A fresh project restores the packed nupkg from a local feed and builds: the analyzers load from the package and
/// the props carry the configuration to them (DESIGN §5, §6).
/// </summary>
public sealed class ConsumerBuildTests
{
    // ChatClaimsTokenProvider exists only if the packaged generator ran.
    private const string Program = """
        using StreamChat;
        using StreamChat.Claims;

        var development = TokenProvider.Development("john");
        var fixedToken = TokenProvider.Static(Token.Parse(args[0]));
        var typed = ChatClaimsTokenProvider.Development(new ChatClaims("john"));
        System.Console.WriteLine(development.Kind + " " + fixedToken.Kind + " " + typed.Kind);

        [TokenClaims]
        public partial record ChatClaims(string UserId);
        """;

    private static ConsumerProject s_consumer = null!;

    [OneTimeSetUp]
    public void CreateConsumer() => s_consumer = ConsumerProject.Create(PackagingFixture.Packages, Program);

    [Test]
    public async Task Release_build_runs_the_generator_and_warns_SCHAT001_and_SCHAT002()
    {
        var build = await s_consumer.BuildAsync("Release");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(Warnings(build, "SCHAT001"), Is.EqualTo(new[] { "Program.cs(4,19)", "Program.cs(6,13)" }), build.ToString);
        Assert.That(Warnings(build, "SCHAT002"), Is.EqualTo(new[] { "Program.cs(5,18)" }), build.ToString);
        Assert.That(Regex.Matches(build.Output, @": warning (?!SCHAT00[12]:)"), Is.Empty, build.ToString);
    }

    [Test]
    public async Task Debug_build_runs_the_generator_and_has_no_warnings()
    {
        var build = await s_consumer.BuildAsync("Debug");

        // No warning of any kind: the generator and analyzers load (no CS8032, CS9057, AD0001) and stay silent.
        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(build.Output, Does.Not.Contain(": warning "), build.ToString);
    }

    [Test]
    public async Task Release_configuration_is_seen_by_the_analyzer_even_without_optimization()
    {
        // Only the props' CompilerVisibleProperty can tell the analyzer this unoptimized build is named Release.
        var build = await s_consumer.BuildAsync("Release", "Optimize=false");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(Warnings(build, "SCHAT001"), Has.Length.EqualTo(2), build.ToString);
    }

    [Test]
    public async Task StreamChatAllowDevelopmentTokens_silences_SCHAT001_only()
    {
        var build = await s_consumer.BuildAsync("Release", "StreamChatAllowDevelopmentTokens=true");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(Warnings(build, "SCHAT001"), Is.Empty, build.ToString);
        Assert.That(Warnings(build, "SCHAT002"), Has.Length.EqualTo(1), build.ToString);
    }

    private static string[] Warnings(CliResult build, string id) =>
        BuildWarnings.Find(build, id).Select(warning => warning.Substring(0, warning.IndexOf(':', StringComparison.Ordinal))).ToArray();
}
