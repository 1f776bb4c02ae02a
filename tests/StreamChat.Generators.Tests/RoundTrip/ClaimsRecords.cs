using System;
using System.Collections.Generic;
using System.Linq;
using StreamChat.Claims;
using StreamChat.Jwt;

namespace StreamChat.Generators.Tests.RoundTrip;

// Real claims records: the generator runs on this project, so these tests use the generated code as a consumer would.

/// <summary>What every generated claims record offers; the generated members implement it implicitly.</summary>
public interface IClaimsRecord<TSelf>
    where TSelf : IClaimsRecord<TSelf>
{
    static abstract TSelf FromToken(Token token);

    Token Sign(JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt);

    Token ToDevelopmentToken();
}

public enum Plan
{
    Free,
    ProTeam,
    [Claim("ent")]
    Enterprise,
}

[TokenClaims]
public partial record StringClaims(string UserId, string Name) : IClaimsRecord<StringClaims>;

[TokenClaims]
public partial record BooleanClaims(string UserId, bool IsAdmin) : IClaimsRecord<BooleanClaims>;

[TokenClaims]
public partial record Int32Claims(string UserId, int Level) : IClaimsRecord<Int32Claims>;

[TokenClaims]
public partial record Int64Claims(string UserId, long Credits) : IClaimsRecord<Int64Claims>;

[TokenClaims]
public partial record DoubleClaims(string UserId, double Score) : IClaimsRecord<DoubleClaims>;

[TokenClaims]
public partial record GuidClaims(string UserId, Guid TenantId) : IClaimsRecord<GuidClaims>;

[TokenClaims]
public partial record DateClaims(string UserId, DateTimeOffset MemberSince) : IClaimsRecord<DateClaims>;

[TokenClaims]
public partial record EnumClaims(string UserId, Plan Plan) : IClaimsRecord<EnumClaims>;

[TokenClaims]
public partial record CollectionClaims(string UserId, string[] Teams, IReadOnlyList<string> Channels, List<string> Tags) : IClaimsRecord<CollectionClaims>
{
    // Collections compare by reference in a record; claims compare by content.
    public virtual bool Equals(CollectionClaims? other) =>
        other is not null && UserId == other.UserId && Teams.SequenceEqual(other.Teams)
        && Channels.SequenceEqual(other.Channels) && Tags.SequenceEqual(other.Tags);

    public override int GetHashCode() => UserId.GetHashCode(StringComparison.Ordinal);
}

[TokenClaims]
public partial record NullableClaims(string UserId) : IClaimsRecord<NullableClaims>
{
    public string? Nickname { get; init; }

    public bool? Verified { get; init; }

    public int? Level { get; init; }

    public long? Credits { get; init; }

    public double? Score { get; init; }

    public Guid? TenantId { get; init; }

    public DateTimeOffset? BannedUntil { get; init; }

    public Plan? Plan { get; init; }

    public IReadOnlyList<string>? Groups { get; init; }

    public virtual bool Equals(NullableClaims? other) =>
        other is not null && UserId == other.UserId && Nickname == other.Nickname && Verified == other.Verified
        && Level == other.Level && Credits == other.Credits && Score == other.Score && TenantId == other.TenantId
        && BannedUntil == other.BannedUntil && Plan == other.Plan
        && (Groups is null ? other.Groups is null : other.Groups is not null && Groups.SequenceEqual(other.Groups));

    public override int GetHashCode() => UserId.GetHashCode(StringComparison.Ordinal);
}

[TokenClaims]
public partial record RenamedClaims : IClaimsRecord<RenamedClaims>
{
    [UserId]
    public required string Id { get; init; }

    [Claim("role")]
    public required string ChatRole { get; init; }
}

[TokenClaims]
public readonly partial record struct StructClaims(string UserId, int Level, string? Team) : IClaimsRecord<StructClaims>;

[TokenClaims]
public partial record ParameterAttributeClaims([UserId] string Login, [Claim("lvl")] int Level) : IClaimsRecord<ParameterAttributeClaims>;

[TokenClaims]
public partial record UserIdLastClaims(string Role, string UserId) : IClaimsRecord<UserIdLastClaims>;

[TokenClaims]
public partial record EscapedNameClaims(string UserId, [Claim("a+b")] string Plus, [Claim("café")] string Cafe, [Claim("say \"hi\"")] string Quote) : IClaimsRecord<EscapedNameClaims>;

// A claim name with a surrogate pair is matched as a string, not as pre-encoded UTF-8; one with a lone surrogate cannot be
// encoded at all, which must fail when that claim is written, not when the record's table is made.
[TokenClaims]
public partial record SurrogateNameClaims(string UserId, [Claim("mood😀")] string? Mood, [Claim("bad\uD800")] string? Bad) : IClaimsRecord<SurrogateNameClaims>;
