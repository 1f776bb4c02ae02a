using System.Linq;
using Basic.Reference.Assemblies;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// Issue 19: FromEndpoint(HttpClient, Uri) names System.Net.Http.HttpClient, which a .NET Framework compilation sees
/// only with a reference to System.Net.Http (the package's targets add it; Unity and old-style projects may not). Where
/// HttpClient is invisible the overload is left out, so the generated file compiles (it failed with CS1069 / CS0246).
/// The generated class inherits its factories (issue 22): from HttpClaimsTokenProviderFactory, which adds the overload,
/// only where HttpClient is visible, so a call to the other factories never meets HttpClient (CS0012).
/// </summary>
public sealed class HttpClientVisibilityTests
{
    [Test]
    public void Without_System_Net_Http_the_generated_code_compiles_without_the_HttpClient_overload()
    {
        var compilation = TestCompilation.Create(SnapshotCases.MinimalRecord, Caller)
            .WithReferences(TestCompilation.References.Where(r => r != Net80.References.SystemNetHttp));

        var run = GeneratorRunner.Run(compilation);

        var text = run.Sources.Single().SourceText.ToString();
        Assert.That(text, Does.Not.Contain("HttpClient"));
        Assert.That(text, Does.Contain("sealed class ChatClaimsTokenProvider : global::StreamChat.Claims.ClaimsTokenProviderFactory<"));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
    }

    [Test]
    public void With_System_Net_Http_the_HttpClient_overload_is_generated()
    {
        var run = GeneratorRunner.Run(TestCompilation.Create(SnapshotCases.MinimalRecord, Caller, HttpCaller));

        Assert.That(run.Sources.Single().SourceText.ToString(), Does.Contain("sealed class ChatClaimsTokenProvider : global::StreamChat.Claims.HttpClaimsTokenProviderFactory<"));
        Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
    }

    // Every factory but the HttpClient one, called through the generated class as users call them.
    private const string Caller = """
        namespace MyApp;

        internal static class Caller
        {
            public static StreamChat.TokenProvider[] All(StreamChat.Token token, StreamChat.TokenEndpoint endpoint, ChatClaims claims, StreamChat.Jwt.JwtSigningKey key) =>
            [
                ChatClaimsTokenProvider.Closure(_ => System.Threading.Tasks.Task.FromResult(token)),
                ChatClaimsTokenProvider.Closure((_, _) => System.Threading.Tasks.Task.FromResult(token)),
                ChatClaimsTokenProvider.FromEndpoint(endpoint),
                ChatClaimsTokenProvider.Signed(claims, key, System.TimeSpan.FromHours(1)),
        #pragma warning disable SCHAT001, SCHAT002
                ChatClaimsTokenProvider.Static(token),
                ChatClaimsTokenProvider.Development(claims),
        #pragma warning restore SCHAT001, SCHAT002
            ];
        }
        """;

    private const string HttpCaller = """
        namespace MyApp;

        internal static class HttpCaller
        {
            public static StreamChat.TokenProvider Endpoint(System.Net.Http.HttpClient http) => ChatClaimsTokenProvider.FromEndpoint(http, new System.Uri("https://backend.example/chat/token"));
        }
        """;
}
