using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators.Parsing;
using StreamChat.Generators.Tests.Infrastructure;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>
/// The rules find StreamChat's types the way the compiler binds them: another assembly's internal copy of a type's name
/// (a polyfill, a library's private attribute) does not hide the real one, as it would from GetTypeByMetadataName.
/// </summary>
public sealed class KnownTypesTests
{
    private const string Record = """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId, string Role);
        """;

    [Test]
    public void An_internal_copy_of_the_attribute_in_a_reference_does_not_hide_StreamChat_Client_s()
    {
        var compilation = TestCompilation.Create(Record).AddReferences(InternalCopyOfTheClaimsAttributes());

        var known = KnownTypes.From(compilation);
        var run = GeneratorRunner.Run(compilation);

        Assert.Multiple(() =>
        {
            Assert.That(compilation.GetTypeByMetadataName(KnownTypes.TokenClaimsAttributeName), Is.Null, "the plain lookup gives up on two declarations");
            Assert.That(known.TokenClaimsAttribute?.ContainingAssembly.Name, Is.EqualTo("StreamChat.Client"));
            Assert.That(known.UserIdAttribute?.ContainingAssembly.Name, Is.EqualTo("StreamChat.Client"));
            Assert.That(run.Sources.Select(s => s.HintName), Has.Some.Contains("ChatClaims"), "the record got its code");
            Assert.That(TestCompilation.Problems(run.Output).Select(d => d.ToString()), Is.Empty);
        });
    }

    [Test]
    public void The_compilation_s_own_declaration_wins_over_a_reference()
    {
        var compilation = TestCompilation.Create("namespace StreamChat.Claims { internal sealed class ClaimAttribute : System.Attribute { } }");

        var known = KnownTypes.From(compilation);

        Assert.That(known.ClaimAttribute?.ContainingAssembly, Is.SameAs(compilation.Assembly));
    }

    [Test]
    public void The_types_are_looked_up_once_per_compilation_not_once_per_record()
    {
        // The lookup walks every reference (the compiler does not cache GetTypesByMetadataName): once per record made a
        // steady-state run over 1,000 records allocate 31.7 MB instead of 8.2 MB (docs/benchmarks-generator.md).
        var compilation = TestCompilation.Create(Record);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace MyApp; internal static class Unrelated { }"));

        var first = KnownTypes.From(compilation);
        var second = KnownTypes.From(compilation);
        var afterEdit = KnownTypes.From(edited);

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(afterEdit, Is.Not.SameAs(first), "a new compilation is looked up afresh");
        });
    }

    private static MetadataReference InternalCopyOfTheClaimsAttributes()
    {
        var library = CSharpCompilation.Create(
            "PolyfillLibrary",
            [CSharpSyntaxTree.ParseText("""
                namespace StreamChat.Claims
                {
                    internal sealed class TokenClaimsAttribute : System.Attribute { }
                    internal sealed class UserIdAttribute : System.Attribute { }
                }
                """)],
            TestCompilation.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        return library.ToMetadataReference();
    }
}
