using System.Threading.Tasks;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using StreamChat.Analyzers.CodeFixes.ClaimsRecords;
using StreamChat.Generators.Diagnostics;

namespace StreamChat.Generators.Tests.Analyzer;

/// <summary>The SCHAT101 and SCHAT109 fixes add <c>partial</c> and leave code that compiles with no claims-record diagnostic.</summary>
public sealed class ClaimsRecordCodeFixProviderTests
{
    [Test]
    public Task SCHAT101_fix_makes_the_record_partial() => Verify(
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public sealed record {|SCHAT101:ChatClaims|}(string UserId);
        """,
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public sealed partial record ChatClaims(string UserId);
        """);

    [Test]
    public Task SCHAT101_fix_keeps_the_layout_of_a_record_without_modifiers() => Verify(
        """
        using StreamChat.Claims;

        namespace MyApp;

        class Holder { }

        [TokenClaims]
        record struct {|SCHAT101:ChatClaims|}(string UserId);
        """,
        """
        using StreamChat.Claims;

        namespace MyApp;

        class Holder { }

        [TokenClaims]
        partial record struct ChatClaims(string UserId);
        """);

    [Test]
    public Task SCHAT101_fix_goes_to_the_declaration_that_lacks_partial() => Verify(
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId);

        public record {|SCHAT101:{|CS0260:ChatClaims|}|}
        {
            public int Level { get; init; }
        }
        """,
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId);

        public partial record ChatClaims
        {
            public int Level { get; init; }
        }
        """);

    [Test]
    public Task SCHAT109_fix_makes_every_containing_type_partial() => Verify(
        """
        using StreamChat.Claims;

        namespace MyApp;

        public static class Outer
        {
            internal partial class Middle
            {
                struct Inner
                {
                    [TokenClaims]
                    public partial record {|SCHAT109:{|SCHAT109:ChatClaims|}|}(string UserId);
                }
            }
        }
        """,
        """
        using StreamChat.Claims;

        namespace MyApp;

        public static partial class Outer
        {
            internal partial class Middle
            {
                partial struct Inner
                {
                    [TokenClaims]
                    public partial record ChatClaims(string UserId);
                }
            }
        }
        """);

    [Test]
    public Task SCHAT101_and_SCHAT109_in_one_document_are_fixed_together_under_one_equivalence_key() => Verify(
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public record {|SCHAT101:Top|}(string UserId);

        public class Outer
        {
            public class Middle
            {
                [TokenClaims]
                public record {|SCHAT101:{|SCHAT109:{|SCHAT109:Deep|}|}|}(string UserId);
            }
        }
        """,
        """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record Top(string UserId);

        public partial class Outer
        {
            public partial class Middle
            {
                [TokenClaims]
                public partial record Deep(string UserId);
            }
        }
        """,
        equivalenceKey: "StreamChat.AddPartial");

    private static async Task Verify(string source, string fixedSource, string? equivalenceKey = null)
    {
        var test = new CSharpCodeFixTest<ClaimsRecordAnalyzer, ClaimsRecordCodeFixProvider, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            // Offline: no reference-assembly download; the .NET 8 references come from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0"),
            CodeActionEquivalenceKey = equivalenceKey,
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(Token).Assembly.Location));
        await test.RunAsync();
    }
}
