using System.Linq;
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

        // The checks, closures and async state machines are ClaimsCodec's, written once in StreamChat.Client.
        Assert.That(source, Does.Not.Contain("async ").And.Not.Contain("throw new"));
        Assert.That(source, Does.Contain("global::StreamChat.Claims.ClaimsCodec<global::MyApp.ChatClaims> StreamChatCodec"));
    }
}
