using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Benchmarks.Quick;

namespace StreamChat.Benchmarks;

/// <summary>
/// The quick checks of the codec targets (DESIGN §7): issuing, decoding and validating, in under a minute. Each ratio is
/// measured with <see cref="Interleaved"/> on the same methods the BenchmarkDotNet classes run, each allocation exactly.
/// </summary>
internal sealed class CodecQuickCheck : IQuickCheckGroup
{
    private static readonly TimeSpan PerRatio = TimeSpan.FromSeconds(6);

    public string Name => "codec: interleaved rounds, median ratio of time per call; allocations in bytes per call";

    public Task<IReadOnlyList<QuickCheck>> RunAsync(CancellationToken cancellationToken)
    {
        var issued = new IssueTokenBenchmarks();
        issued.Setup();
        var tokenSize = StringSize(issued.Ours().Length);
        issued.Cleanup();

        IReadOnlyList<QuickCheck> checks =
        [
            AtMost("generated SignCompact ÷ HMAC floor", "generated", "floor", 1.25),
            AtMost("UserTokenIssuer.CreateUserToken ÷ HMAC floor", "issue", "floor", 1.25),
            Allocates("generated SignCompact: the token string only", "generated", tokenSize),
            Allocates("UserTokenIssuer.CreateUserToken: the token string only", "issue", tokenSize),
            AtLeast("new JsonWebToken(string) ÷ Token.Parse", "decode", "decode-jsonwebtoken", 4),
            AtMost("TokenValidator.Validate ÷ HMAC floor", "validate", "validate-floor", 1.4),
            Faster("JsonWebTokenHandler.ValidateTokenAsync ÷ TokenValidator.Validate", "validate", "validate-handler"),
            Allocates("TokenValidator.Validate: the user id only", "validate", StringSize("john-doe".Length)),
        ];
        return Task.FromResult(checks);
    }

    private static QuickCheck AtMost(string what, string candidate, string reference, double target)
    {
        var ratio = Interleaved.Measure(BenchmarkLoops.Create(candidate), BenchmarkLoops.Create(reference), PerRatio);
        return new(what, $"≤ {target:0.00}×", $"{ratio.Median:0.00}× (quartiles {ratio.LowerQuartile:0.00}..{ratio.UpperQuartile:0.00})", ratio.Median <= target);
    }

    // "The reference is N times slower": the inverse of the candidate's ratio, so the target reads as DESIGN states it.
    private static QuickCheck AtLeast(string what, string candidate, string reference, double target)
    {
        var ratio = Interleaved.Measure(BenchmarkLoops.Create(candidate), BenchmarkLoops.Create(reference), PerRatio);
        return new(what, $"≥ {target:0}×", Inverted(ratio), 1 / ratio.Median >= target);
    }

    // Reported without a target: the handler costs about 4.7 HMAC floors here, so the old "≥ 4× the handler" would leave
    // the validator 0.2 floors beside the HMAC, which no validator reaches (issue 22); the floor is the target instead.
    private static QuickCheck Faster(string what, string candidate, string reference)
    {
        return QuickCheck.Info(what, Inverted(Interleaved.Measure(BenchmarkLoops.Create(candidate), BenchmarkLoops.Create(reference), PerRatio)));
    }

    private static string Inverted(Interleaved.Ratio ratio) =>
        $"{1 / ratio.Median:0.00}× (quartiles {1 / ratio.UpperQuartile:0.00}..{1 / ratio.LowerQuartile:0.00})";

    private static QuickCheck Allocates(string what, string loop, long expected)
    {
        var bytes = Interleaved.BytesPerCall(BenchmarkLoops.Create(loop));
        return new(what, $"{expected} B (one object)", $"{bytes} B", bytes == expected);
    }

    // A string object on 64-bit: header, method table and length (20 bytes), the characters and a terminator, rounded to 8.
    private static long StringSize(int length) => (20 + ((length + 1) * 2) + 7) & ~7;
}
