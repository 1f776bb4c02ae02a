using System.Collections.Generic;

namespace StreamChat.Tests.Shared;

/// <summary>
/// A consumer project's worth of claims records for the generator and analyzers at scale (DESIGN §7): one file per
/// record, cycling through the shapes users write (positional, every supported type, optional claims, renamed claims,
/// a record struct, a nested record), each beside a little code that signs and reads its tokens, so the analyzers have
/// user code to look at. Valid and warning-free by construction; linked into the generator tests and the benchmarks.
/// </summary>
internal static class ClaimsRecordCorpus
{
    /// <summary>The size DESIGN §7 asks for.</summary>
    public const int DefaultCount = 1000;

    /// <summary>The path of the file no record depends on; edit it with <see cref="Unrelated"/>.</summary>
    public const string UnrelatedPath = "Unrelated.cs";

    private const int Shapes = 6;

    /// <summary>The records, one (path, source) per file.</summary>
    public static IReadOnlyList<(string Path, string Source)> Records(int count = DefaultCount)
    {
        var files = new List<(string, string)>(count);
        for (var i = 0; i < count; i++)
        {
            files.Add(($"Records/Claims{i:D4}.cs", Record(i)));
        }

        return files;
    }

    /// <summary>
    /// A record's file without the code that uses it: what compiles with and without the generator (the user code calls
    /// generated members), for comparing the two builds.
    /// </summary>
    public static string WithoutUserCode(string source) =>
        source.Substring(0, source.IndexOf("internal static class Use", System.StringComparison.Ordinal));

    /// <summary>A file that no record uses; each revision is an edit of it.</summary>
    public static string Unrelated(int revision) =>
        $"namespace Scale;\n\ninternal static class Unrelated\n{{\n    public static int Revision => {revision};\n}}\n";

    /// <summary>
    /// Record <paramref name="index"/> with a claim added: an edit that must regenerate that record only. Every shape
    /// but the renamed-claims one (index % 6 == 3) is positional and can take it.
    /// </summary>
    public static string EditedRecord(int index)
    {
        var name = $"Claims{index:D4}(string UserId";
        var source = Record(index);
        return source.Contains(name)
            ? source.Replace(name, name + ", int Added")
            : throw new System.ArgumentException($"Record {index} is not positional.", nameof(index));
    }

    /// <summary>The metadata name of record <paramref name="index"/> (nested records are in an <c>Outer</c> class).</summary>
    public static string MetadataName(int index) =>
        index % Shapes == Shapes - 1
            ? $"Scale.Group{index / 100:D2}.Outer{index:D4}+Claims{index:D4}"
            : $"Scale.Group{index / 100:D2}.Claims{index:D4}";

    /// <summary>The source of record <paramref name="index"/> and the code that uses it.</summary>
    public static string Record(int index)
    {
        var name = $"Claims{index:D4}";
        var (declaration, typeName) = (index % Shapes) switch
        {
            0 => ($"[TokenClaims]\ninternal partial record {name}(string UserId);", name),
            1 => ($$"""
                internal enum Plan{{index:D4}} { Free, ProTeam, [Claim("ent")] Enterprise }

                [TokenClaims]
                internal partial record {{name}}(
                    string UserId,
                    string Name,
                    bool IsAdmin,
                    int Level,
                    long Credits,
                    double Score,
                    Guid TenantId,
                    DateTimeOffset MemberSince,
                    Plan{{index:D4}} Plan,
                    string[] Teams,
                    IReadOnlyList<string> Channels);
                """, name),
            2 => ($$"""
                [TokenClaims]
                internal partial record {{name}}(string UserId)
                {
                    public string? Nickname { get; init; }
                    public bool? Verified { get; init; }
                    public int? Level { get; init; }
                    public DateTimeOffset? BannedUntil { get; init; }
                    public IReadOnlyCollection<string>? Groups { get; init; }
                }
                """, name),
            3 => ($$"""
                [TokenClaims]
                internal partial record {{name}}
                {
                    [UserId]
                    public required string Id { get; init; }

                    [Claim("role")]
                    public required string ChatRole { get; init; }

                    [Claim("org-id")]
                    public string? OrganizationId { get; init; }
                }
                """, name),
            4 => ($"[TokenClaims]\ninternal readonly partial record struct {name}(string UserId, int X, DateTimeOffset? Until);", name),
            _ => ($$"""
                internal static partial class Outer{{index:D4}}
                {
                    [TokenClaims]
                    internal partial record {{name}}(string UserId, int Level);
                }
                """, $"Outer{index:D4}.{name}"),
        };

        return $$"""
            using System;
            using System.Collections.Generic;
            using StreamChat;
            using StreamChat.Claims;
            using StreamChat.Jwt;

            namespace Scale.Group{{index / 100:D2}};

            {{declaration}}

            internal static class Use{{name}}
            {
                public static Token Issue({{typeName}} claims, JwtSigningKey key) => claims.Sign(key, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

                public static bool Read(Token token) => {{typeName}}.TryFromToken(token, out _);
            }

            """;
    }
}
