using System.Collections.Generic;

namespace StreamChat.Generators.Tests.Generator;

/// <summary>The valid claims records of the generator snapshots; each is also compiled with its generated code.</summary>
internal static class SnapshotCases
{
    public const string MinimalRecord = """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record ChatClaims(string UserId);
        """;

    public const string AllSupportedTypes = """
        using System;
        using System.Collections.Generic;
        using StreamChat.Claims;

        namespace MyApp;

        public enum Plan { Free, ProTeam, [Claim("ent")] Enterprise, Business = Enterprise }

        [TokenClaims]
        public partial record AllTypesClaims(
            string UserId,
            string Name,
            bool IsAdmin,
            int Level,
            long Credits,
            double Score,
            Guid TenantId,
            DateTimeOffset MemberSince,
            Plan Plan,
            string[] Teams,
            IReadOnlyList<string> Channels,
            List<string> Tags);
        """;

    public const string OptionalClaims = """
        using System;
        using System.Collections.Generic;
        using StreamChat.Claims;

        namespace MyApp;

        public enum Role { Member, Moderator }

        [TokenClaims]
        public partial record OptionalClaims(string UserId)
        {
            public string? Nickname { get; init; }
            public bool? Verified { get; init; }
            public int? Level { get; init; }
            public long? Credits { get; init; }
            public double? Score { get; init; }
            public Guid? TenantId { get; init; }
            public DateTimeOffset? BannedUntil { get; init; }
            public Role? Role { get; init; }
            public IReadOnlyCollection<string>? Groups { get; init; }
            public IList<string>? Labels { get; init; }

            /// <summary>Computed from the claims, so not a claim itself.</summary>
            public bool HasNickname => Nickname is not null;
        }
        """;

    public const string RenamedClaims = """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record RenamedClaims
        {
            [UserId]
            public required string Id { get; init; }

            [Claim("role")]
            public required string ChatRole { get; init; }

            [Claim("org-id")]
            public string? OrganizationId { get; init; }

            public string? HTTPReferrer { get; init; }
        }
        """;

    public const string NestedType = """
        using StreamChat.Claims;

        namespace MyApp.Auth
        {
            public static partial class Outer
            {
                internal partial class Inner<T>
                {
                    [TokenClaims]
                    internal partial record NestedClaims(string UserId, int Level);
                }
            }
        }
        """;

    public const string GlobalNamespace = """
        using StreamChat.Claims;

        [TokenClaims]
        public partial record GlobalClaims(string UserId, string? Team);
        """;

    public const string FileScopedNamespace = """
        using StreamChat.Claims;

        namespace MyApp.FileScoped;

        [TokenClaims]
        internal partial record FileScopedClaims
        {
            public string UserId { get; init; } = "";
            public string? Room { get; set; }
        }
        """;

    public const string KeywordNames = """
        using StreamChat.Claims;

        namespace MyApp.@class;

        public enum @enum { @default, @static }

        [TokenClaims]
        public partial record @record(string UserId, string @event, @enum @int)
        {
            public string? @namespace { get; init; }
        }
        """;

    public const string RecordStruct = """
        using System;
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public readonly partial record struct PointClaims(string UserId, int X, DateTimeOffset? Until);
        """;

    public const string DerivedRecord = """
        using StreamChat.Claims;

        namespace MyApp;

        [TokenClaims]
        public partial record BaseClaims(string UserId);

        [TokenClaims]
        public sealed partial record ModeratorClaims(string UserId, string Channel) : BaseClaims(UserId);
        """;

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(MinimalRecord)] = MinimalRecord,
        [nameof(AllSupportedTypes)] = AllSupportedTypes,
        [nameof(OptionalClaims)] = OptionalClaims,
        [nameof(RenamedClaims)] = RenamedClaims,
        [nameof(NestedType)] = NestedType,
        [nameof(GlobalNamespace)] = GlobalNamespace,
        [nameof(FileScopedNamespace)] = FileScopedNamespace,
        [nameof(KeywordNames)] = KeywordNames,
        [nameof(RecordStruct)] = RecordStruct,
        [nameof(DerivedRecord)] = DerivedRecord,
    };
}
