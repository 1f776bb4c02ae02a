using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Tests.Shared;

namespace StreamChat.Server.Tests.Differential;

/// <summary>
/// Our validator against <see cref="ReferenceValidator"/> (JsonWebTokenHandler configured as the validator used to be) on
/// the same corpus of more than 10,000 tokens: the same accept/reject verdict on every token but the listed intentional
/// differences, each of which is a token we refuse and the reference accepts.
/// </summary>
public class DifferentialTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, int> _differences = IntentionalDifference.All.ToDictionary(d => d.Id, _ => 0);
    private readonly List<string> _unexplained = [];
    private readonly List<string> _validRefused = [];
    private int _acceptedByBoth;
    private List<CorpusCase> _corpus = null!;

    [OneTimeSetUp]
    public async Task RunTheCorpusThroughBoth()
    {
        var clock = new FakeTimeProvider(TokenCorpus.Now);
        var ours = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = clock });
        var oursWithSkew = new TokenValidator(TestKeys.Secret, new TokenValidatorOptions { TimeProvider = clock, ClockSkew = Skew });
        var reference = new ReferenceValidator(TestKeys.Secret, clock, TimeSpan.Zero);
        var referenceWithSkew = new ReferenceValidator(TestKeys.Secret, clock, Skew);

        _corpus = TokenCorpus.Build(TestKeys.Secret, TestKeys.OtherSecret).ToList();
        foreach (var item in _corpus)
        {
            var our = (item.WithSkew ? oursWithSkew : ours).Validate(item.Token, item.RevokedBefore);
            var theirs = await (item.WithSkew ? referenceWithSkew : reference).ValidateAsync(item.Token, item.RevokedBefore);
            Compare(item, our, theirs);
            if (item.Group.StartsWith("valid", StringComparison.Ordinal) && !our.IsValid)
            {
                _validRefused.Add($"{item.Group}: {our}");
            }
        }
    }

    [Test]
    public void The_corpus_has_more_than_ten_thousand_tokens_of_every_group()
    {
        var groups = _corpus.GroupBy(c => c.Group.Split(':', ',')[0]).ToDictionary(g => g.Key, g => g.Count());
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, groups.OrderByDescending(g => g.Value).Select(g => $"{g.Value,6} {g.Key}")));

        Assert.Multiple(() =>
        {
            Assert.That(_corpus, Has.Count.GreaterThanOrEqualTo(10_000));
            Assert.That(groups.Keys, Is.SupersetOf(new[]
            {
                "valid", "wrong key", "header", "alg signed with it", "alg none", "expired", "nbf in the future", "iat in the future",
                "revoked", "claims", "non-canonical header", "non-canonical payload", "non-canonical signature", "unicode user id",
                "non-ASCII character", "payload not UTF-8", "segments", "mutation",
            }));
        });
    }

    [Test]
    public void Every_verdict_matches_the_reference_or_is_a_listed_intentional_difference()
    {
        Assert.That(_unexplained, Is.Empty, string.Join(Environment.NewLine, _unexplained.Take(20)));
    }

    [Test]
    public void Every_listed_difference_shows_up_in_the_corpus_and_is_documented()
    {
        var doc = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryFiles.Root, "docs", "validation.md"));
        TestContext.Out.WriteLine(string.Join(Environment.NewLine, _differences.Select(d => $"{d.Value,6} {d.Key}")));

        Assert.Multiple(() =>
        {
            foreach (var (id, count) in _differences)
            {
                Assert.That(count, Is.GreaterThan(0), $"no token in the corpus shows '{id}': remove it from the list or add a token");
                Assert.That(doc, Does.Contain($"`{id}`"), $"docs/validation.md does not explain '{id}'");
            }
        });
    }

    [Test]
    public void The_tokens_valid_by_construction_are_accepted()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_corpus.Count(c => c.Group.StartsWith("valid", StringComparison.Ordinal)), Is.GreaterThan(20));
            Assert.That(_validRefused, Is.Empty);
            Assert.That(_acceptedByBoth, Is.GreaterThan(50), "the corpus must hold accepted tokens beyond the valid group (times within skew, headers, unicode)");
        });
    }

    private void Compare(CorpusCase item, TokenVerdict our, StreamErrorCode theirs)
    {
        var theyAccept = theirs == StreamErrorCode.None;
        if (our.IsValid && theyAccept)
        {
            _acceptedByBoth++;
        }

        if (our.IsValid == theyAccept)
        {
            // Both refuse: the codes come from different layers (the handler reports most structural problems as signature
            // failures), but a refusal by the protocol's claim checks must be the same code.
            if (!theyAccept && theirs is StreamErrorCode.TokenExpired or StreamErrorCode.TokenNotValidYet or StreamErrorCode.TokenIssuedInFuture && our.ErrorCode != theirs)
            {
                _unexplained.Add($"{item.Group} | ours {(int)our.ErrorCode} ({our.Message}) | reference {(int)theirs} | {Shorten(item.Token)}");
            }

            return;
        }

        var explanation = our.IsValid ? null : IntentionalDifference.All.FirstOrDefault(d => d.Applies(item.Token));
        if (explanation is null)
        {
            _unexplained.Add($"{item.Group} | ours {(int)our.ErrorCode} ({our.Message}) | reference {(int)theirs} | {Shorten(item.Token)}");
            return;
        }

        _differences[explanation.Id]++;
    }

    private static string Shorten(string token) => token.Length > 200 ? token[..200] + "…" : token;
}
