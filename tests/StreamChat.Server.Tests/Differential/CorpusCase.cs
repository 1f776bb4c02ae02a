using System;

namespace StreamChat.Server.Tests.Differential;

/// <summary>One token of the differential corpus, with the group it was made for and the revocation it is checked under.</summary>
/// <param name="Group">What the case exercises, for the failure message and the per-group counts.</param>
/// <param name="Token">The raw token.</param>
/// <param name="Revocation">The cutoff for every user (and for server tokens), or <see langword="null"/> for none.</param>
/// <param name="WithSkew">Whether the validators allow a minute of clock skew.</param>
internal sealed record CorpusCase(string Group, string Token, DateTimeOffset? Revocation = null, bool WithSkew = false)
{
    public Func<string?, DateTimeOffset?>? RevokedBefore => Revocation is { } cutoff ? _ => cutoff : null;

    public override string ToString() => $"{Group}: {Token}";
}
