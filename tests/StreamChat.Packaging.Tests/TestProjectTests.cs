using System.IO;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// SCHAT001 and SCHAT002 are off in test projects (IsTestProject=true, here set in the project body, after the
/// package's props): the package's targets add a lowest-level global config that an .editorconfig entry overrides, and
/// StreamChatCheckTestProjects=true turns off.
/// </summary>
public sealed class TestProjectTests
{
    private const string Program = """
        using StreamChat;

        var development = TokenProvider.Development("john");
        var fixedToken = TokenProvider.Static(Token.Parse(args[0]));
        System.Console.WriteLine(development.Kind + " " + fixedToken.Kind);
        """;

    private static ConsumerProject s_tests = null!;

    [OneTimeSetUp]
    public void CreateTestProject() =>
        s_tests = ConsumerProject.Create(PackagingFixture.Packages, new[] { ("Program.cs", Program) }, "<IsTestProject>true</IsTestProject>");

    [Test]
    public async Task Test_project_gets_no_SCHAT001_or_SCHAT002_in_release()
    {
        var build = await s_tests.BuildAsync("Release");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(BuildWarnings.Find(build, "SCHAT00[12]"), Is.Empty, build.ToString);
    }

    [Test]
    public async Task StreamChatCheckTestProjects_turns_both_rules_back_on()
    {
        var build = await s_tests.BuildAsync("Release", "StreamChatCheckTestProjects=true");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(BuildWarnings.Find(build, "SCHAT00[12]"), Is.EqualTo(new[] { "Program.cs(3,19): SCHAT001", "Program.cs(4,18): SCHAT002" }), build.ToString);
    }

    [Test]
    public async Task Editorconfig_entry_wins_over_the_packages_global_config()
    {
        var withEditorConfig = ConsumerProject.Create(
            PackagingFixture.Packages,
            new[] { ("Program.cs", Program) },
            "<IsTestProject>true</IsTestProject>");
        File.WriteAllText(Path.Combine(withEditorConfig.Directory, ".editorconfig"), "root = true\n\n[*.cs]\ndotnet_diagnostic.SCHAT001.severity = warning\n");

        var build = await withEditorConfig.BuildAsync("Release");

        Assert.That(build.ExitCode, Is.Zero, build.ToString);
        Assert.That(BuildWarnings.Find(build, "SCHAT00[12]"), Is.EqualTo(new[] { "Program.cs(3,19): SCHAT001" }), build.ToString);
    }
}
