using System.Linq;
using Microsoft.CodeAnalysis;
using StreamChat.Generators.Diagnostics;
using StreamChat.Generators.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Generators.Tests.Analyzer;

/// <summary>
/// One diagnostics snapshot per SCHAT1xx rule. Each invalid record also generates nothing: the rules are the same
/// code in the analyzer and in the generator's model builder.
/// </summary>
public sealed class ClaimsRecordAnalyzerTests
{
    [Test]
    public void SCHAT101_record_not_partial() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public record ChatClaims(string UserId);
        """, "SCHAT101");

    [Test]
    public void SCHAT102_type_not_a_record() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial class ChatClaims { public string UserId { get; set; } = ""; }
        """, "SCHAT102");

    [Test]
    public void SCHAT103_no_user_id() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string Id, string Role);
        """, "SCHAT103");

    [Test]
    public void SCHAT104_several_user_ids() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims([property: UserId] string Id, [property: UserId] string Login);
        """, "SCHAT104");

    [Test]
    public void SCHAT105_duplicate_claim_names() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string UserId, string Role)
        {
            [Claim("role")]
            public string? ChatRole { get; init; }
        }
        """, "SCHAT105");

    [Test]
    public void SCHAT106_reserved_claim_names() => Verify("""
        using System;
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string UserId, long Exp)
        {
            [Claim("iat")]
            public DateTimeOffset? Issued { get; init; }
            public string? Nbf { get; init; }
            [Claim("user_id")]
            public string? Login { get; init; }
        }
        """, "SCHAT106");

    [Test]
    public void SCHAT106_server_claim_in_a_user_token() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string UserId, bool Server)
        {
            [Claim("server")]
            public bool? IsBackend { get; init; }
        }
        """, "SCHAT106");

    [Test]
    public void SCHAT107_unsupported_types() => Verify("""
        using System;
        using System.Collections.Generic;
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string UserId, decimal Balance, Uri Avatar)
        {
            public Dictionary<string, string>? Extra { get; init; }
            public List<int>? Numbers { get; init; }
        }
        """, "SCHAT107");

    [Test]
    public void SCHAT108_generic_record() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims<T>(string UserId, T Value);
        """, "SCHAT108");

    [Test]
    public void SCHAT109_containing_type_not_partial() => Verify("""
        using StreamChat.Claims;
        public class Outer
        {
            public partial class Middle
            {
                [TokenClaims]
                public partial record ChatClaims(string UserId);
            }
        }
        """, "SCHAT109");

    [Test]
    public void SCHAT110_user_id_not_a_string_named_user_id() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record NumericId(int UserId);
        [TokenClaims]
        public partial record NullableId(string? UserId);
        [TokenClaims]
        public partial record RenamedId([property: Claim("uid")] string UserId);
        """, "SCHAT110");

    [Test]
    public void SCHAT111_empty_claim_name() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims(string UserId)
        {
            [Claim("")]
            public string? Role { get; init; }
            [Claim("  ")]
            public string? Team { get; init; }
        }
        """, "SCHAT111");

    [Test]
    public void SCHAT112_no_usable_constructor() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public partial record ChatClaims
        {
            public ChatClaims(string userId, int level) { UserId = userId; }
            public string UserId { get; init; }
        }
        """, "SCHAT112");

    [Test]
    public void SCHAT112_abstract_record_or_parameter_that_is_not_a_claim() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        public abstract partial record AbstractClaims(string UserId);
        [TokenClaims]
        public partial record HiddenParameter(string UserId, int Level)
        {
            private int Level { get; } = Level;
        }
        """, "SCHAT112");

    [Test]
    public void SCHAT113_file_local_record() => Verify("""
        using StreamChat.Claims;
        [TokenClaims]
        file partial record ChatClaims(string UserId);
        """, "SCHAT113");

    [Test]
    public void SCHAT114_member_clashes_with_a_generated_member() => Verify("""
        using System;
        using StreamChat;
        using StreamChat.Claims;
        using StreamChat.Jwt;
        [TokenClaims]
        public partial record ChatClaims(string UserId, string Sign)
        {
            public static ChatClaims FromToken(Token token) => new("x", "y");
            public static bool TryFromToken(Token? token, ref ChatClaims claims) => false;
            public string SignCompact(JwtSigningKey key, TimeSpan lifetime, DateTimeOffset at) => "";
            public int ToDevelopmentToken() => 0;
            public sealed class StreamChatFormat { }
            string ITokenClaims.UserId => UserId;
        }
        public static class ChatClaimsTokenProvider { }
        """, "SCHAT114");

    [Test]
    public void SCHAT114_record_struct_and_nested_record()
    {
        var source = """
            using StreamChat;
            using StreamChat.Claims;
            public partial class Outer
            {
                [TokenClaims]
                public partial record struct PointClaims(string UserId)
                {
                    public static bool TryFromToken(Token token, out PointClaims claims) { claims = default; return false; }
                }

                [TokenClaims]
                public partial record ChatClaims(string UserId);

                public int ChatClaimsTokenProvider => 0;
            }
            """;
        var compilation = TestCompilation.Create(source);
        var (diagnostics, exceptions) = GeneratorRunner.Analyze(compilation);

        Assert.That(exceptions, Is.Empty);
        Assert.That(diagnostics.Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(new[]
        {
            "'TryFromToken' clashes with the method 'TryFromToken(Token?, out PointClaims)' the generator adds for claims record 'PointClaims'; rename it",
            "'ChatClaimsTokenProvider' clashes with the provider factory class 'ChatClaimsTokenProvider' the generator adds for claims record 'ChatClaims'; rename it",
        }).AsCollection);
        Assert.That(GeneratorRunner.Run(compilation).Sources, Is.Empty, "neither record generates anything");
    }

    [Test]
    public void Overloads_and_other_members_beside_the_generated_names_are_no_clash()
    {
        // C# overloads on parameter types and on by-value against out, and a generic method or type is another member:
        // all of these compile beside the generated members, so the record is valid and its code compiles.
        var compilation = TestCompilation.Create("""
            using System;
            using StreamChat;
            using StreamChat.Claims;
            using StreamChat.Jwt;
            [TokenClaims]
            internal partial record ChatClaims(string UserId)
            {
                public static ChatClaims FromToken(string userId) => new(userId);
                public static bool TryFromToken(Token? token, ChatClaims fallback) => false;
                public Token Sign<T>(JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt) => default!;
                public string SignCompact(JwtSigningKey key, TimeSpan lifetime) => "";
                public string ToDevelopmentToken(string note) => note;
            }
            internal sealed class ChatClaimsTokenProvider<T> { }
            """);
        var (diagnostics, exceptions) = GeneratorRunner.Analyze(compilation);
        var run = GeneratorRunner.Run(compilation);

        Assert.That(diagnostics, Is.Empty);
        Assert.That(exceptions, Is.Empty);
        Assert.That(run.Sources, Has.Count.EqualTo(1));
        Assert.That(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning), Is.Empty);
    }

    [Test]
    public void The_generated_members_are_no_clash_in_the_compilation_that_holds_them()
    {
        // A build runs the analyzer over the compilation with the generated code, where the record has the generated
        // members, which carry the names the rule guards. The driver drops diagnostics located in generated files, so the
        // rules are asked directly: they must not take the generated members for the user's.
        var records = 0;
        foreach (var source in Generator.SnapshotCases.All.Values)
        {
            var output = GeneratorRunner.Run(TestCompilation.Create(source)).Output;
            var known = Parsing.KnownTypes.From(output);
            foreach (var tree in output.SyntaxTrees)
            {
                var model = output.GetSemanticModel(tree);
                foreach (var declaration in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>())
                {
                    if (model.GetDeclaredSymbol(declaration) is INamedTypeSymbol type
                        && type.GetAttributes().Any(a => Parsing.KnownTypes.Is(a.AttributeClass, known.TokenClaimsAttribute))
                        && type.GetMembers("FromToken").Any())
                    {
                        var diagnostics = new System.Collections.Generic.List<Diagnostic>();
                        Assert.That(Parsing.ClaimsRecordParser.Parse(type, known, diagnostics, default), Is.Not.Null, type.Name);
                        Assert.That(diagnostics, Is.Empty, type.Name);
                        records++;
                    }
                }
            }
        }

        Assert.That(records, Is.GreaterThanOrEqualTo(Generator.SnapshotCases.All.Count));
    }

    [Test]
    public void The_rule_guards_every_name_the_generator_declares()
    {
        // Against the generator's real output, so a member added to the generated code without the rule knowing its name
        // fails here: every member of a record declared only in a generated file (accessors go with their property), and
        // every type the generated files declare beside the record, has a name the rule guards.
        var checkedNames = new System.Collections.Generic.HashSet<string>();
        foreach (var source in Generator.SnapshotCases.All.Values)
        {
            var output = GeneratorRunner.Run(TestCompilation.Create(source)).Output;
            var records = new System.Collections.Generic.List<string>();
            var known = Parsing.KnownTypes.From(output);
            var generatedTrees = output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", System.StringComparison.Ordinal)).ToHashSet();
            foreach (var type in generatedTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax>())
                .Select(d => (INamedTypeSymbol)output.GetSemanticModel(d.SyntaxTree).GetDeclaredSymbol(d)!).Distinct(SymbolEqualityComparer.Default).Cast<INamedTypeSymbol>())
            {
                records.Add(type.Name);
                var added = type.GetMembers().Where(m => m is not IMethodSymbol { AssociatedSymbol: not null } && m.DeclaringSyntaxReferences.Length > 0 && m.DeclaringSyntaxReferences.All(r => generatedTrees.Contains(r.SyntaxTree)));
                foreach (var member in added)
                {
                    Assert.That(Parsing.GeneratedNameRules.Clash(member, type, known), Is.Not.Null, $"{type.Name}.{member.Name}");
                    checkedNames.Add(member.Name);
                }
            }

            // Beside the records: a class declared in a generated file outside any record is a provider factory.
            var classes = generatedTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
                .Where(c => !c.Ancestors().Any(a => a is Microsoft.CodeAnalysis.CSharp.Syntax.RecordDeclarationSyntax) && !c.Modifiers.Any(m => m.Text == "partial"))
                .Select(c => c.Identifier.Text);
            Assert.That(classes, Is.EquivalentTo(records.Select(Parsing.GeneratedNameRules.ProviderName)));
        }

        Assert.That(checkedNames, Is.SupersetOf(new[] { "FromToken", "TryFromToken", "Sign", "SignCompact", "ToDevelopmentToken", "StreamChatFormat", "global::StreamChat.Claims.ITokenClaims.UserId" }));
    }

    [Test]
    public void Valid_records_get_no_diagnostic()
    {
        foreach (var source in Generator.SnapshotCases.All.Values)
        {
            var (diagnostics, exceptions) = GeneratorRunner.Analyze(TestCompilation.Create(source));
            Assert.That(diagnostics, Is.Empty);
            Assert.That(exceptions, Is.Empty);
        }
    }

    [Test]
    public void Every_rule_is_listed_in_the_unshipped_release_file()
    {
        var releases = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryPaths.GeneratorProject, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in new ClaimsRecordAnalyzer().SupportedDiagnostics)
        {
            Assert.That(releases, Does.Contain($"{descriptor.Id} | {descriptor.Category} | {descriptor.DefaultSeverity} |"));
        }
    }

    [Test]
    public void Every_rule_links_to_its_documentation_page_which_exists()
    {
        foreach (var descriptor in new ClaimsRecordAnalyzer().SupportedDiagnostics)
        {
            Assert.That(descriptor.HelpLinkUri, Is.EqualTo($"{RepositoryFiles.RepositoryUrl}/blob/main/docs/rules/{descriptor.Id}.md"));
            var page = System.IO.Path.Combine(RepositoryPaths.Root, "docs", "rules", descriptor.Id + ".md");
            Assert.That(System.IO.File.Exists(page), Is.True, page);
            Assert.That(System.IO.File.ReadAllText(page), Does.StartWith($"# {descriptor.Id}:"));
        }
    }

    private static void Verify(string source, string expectedId, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var compilation = TestCompilation.Create(source);
        var (diagnostics, exceptions) = GeneratorRunner.Analyze(compilation);
        var run = GeneratorRunner.Run(compilation);

        Assert.That(exceptions, Is.Empty);
        Assert.That(diagnostics.Select(d => d.Id).Distinct(), Is.EqualTo(new[] { expectedId }), Snapshot.Format(diagnostics));
        Assert.That(diagnostics.All(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource), Is.True);
        Assert.That(run.Sources, Is.Empty, "an invalid record generates nothing");
        Assert.That(run.DriverDiagnostics, Is.Empty);
        Snapshot.Verify([], diagnostics, method);
    }
}
