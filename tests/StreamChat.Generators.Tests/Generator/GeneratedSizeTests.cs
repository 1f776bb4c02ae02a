using System.Linq;
using Microsoft.CodeAnalysis;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// What does not depend on a record's shape lives in the runtime (ClaimsCodec), not in every record's generated file
/// (issue 22): a budget on the minimal record's file, counted in lines as the snapshots show them.
/// </summary>
public sealed class GeneratedSizeTests
{
    [Test]
    public void A_minimal_record_generates_at_most_120_lines()
    {
        var run = GeneratorRunner.Run(TestCompilation.Create(SnapshotCases.MinimalRecord));

        var source = run.Sources.Single().SourceText.ToString();

        Assert.That(source.TrimEnd('\n').Split('\n'), Has.Length.LessThanOrEqualTo(120));
    }

    [Test]
    public void The_provider_factories_hold_no_logic_of_their_own()
    {
        var run = GeneratorRunner.Run(TestCompilation.Create(SnapshotCases.MinimalRecord));

        var source = run.Sources.Single().SourceText.ToString();

        // The checks, closures and async state machines are the runtime's (ClaimsCodec, ClaimsTokenProviderFactory),
        // written once in StreamChat.Client; the generated class only names its base, and declares nothing but its
        // private constructor.
        Assert.That(source, Does.Not.Contain("async ").And.Not.Contain("throw new"));
        var provider = run.Output.GetTypeByMetadataName("MyApp.ChatClaimsTokenProvider")!;
        Assert.That(provider.BaseType!.OriginalDefinition.ToDisplayString(), Is.EqualTo("StreamChat.Claims.HttpClaimsTokenProviderFactory<TClaims, TFormat>"));
        Assert.That(provider.GetMembers().Select(m => m.ToDisplayString()), Is.EqualTo(new[] { "MyApp.ChatClaimsTokenProvider.ChatClaimsTokenProvider()" }));
    }
}
