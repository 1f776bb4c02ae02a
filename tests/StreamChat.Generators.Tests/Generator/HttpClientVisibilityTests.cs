using System.Linq;
using Basic.Reference.Assemblies;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// Issue 19: FromEndpoint(HttpClient, Uri) names System.Net.Http.HttpClient, which a .NET Framework compilation sees
/// only with a reference to System.Net.Http (the package's targets add it; Unity and old-style projects may not). Where
/// HttpClient is invisible the overload is left out, so the generated file compiles (it failed with CS1069 / CS0246).
/// </summary>
public sealed class HttpClientVisibilityTests
{
    [Test]
    public void Without_System_Net_Http_the_generated_code_compiles_without_the_HttpClient_overload()
    {
        var compilation = TestCompilation.Create(SnapshotCases.MinimalRecord)
            .WithReferences(TestCompilation.References.Where(r => r != Net80.References.SystemNetHttp));

        var run = GeneratorRunner.Run(compilation);

        var text = run.Sources.Single().SourceText.ToString();
        Assert.That(text, Does.Not.Contain("HttpClient httpClient"));
        Assert.That(text, Does.Contain("FromEndpoint(global::StreamChat.TokenEndpoint endpoint)"));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void With_System_Net_Http_the_HttpClient_overload_is_generated()
    {
        var run = GeneratorRunner.Run(TestCompilation.Create(SnapshotCases.MinimalRecord));

        Assert.That(run.Sources.Single().SourceText.ToString(), Does.Contain("FromEndpoint(global::System.Net.Http.HttpClient httpClient, global::System.Uri endpoint)"));
    }
}
