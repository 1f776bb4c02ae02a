using System;
using System.Collections.Generic;
using System.Linq;

namespace StreamChat.Benchmarks;

/// <summary>
/// The quick check of the codec targets (DESIGN §7): issuing, decoding and validating, in under a minute. Each ratio is
/// measured with <see cref="Interleaved"/> on the same methods the BenchmarkDotNet classes run, each allocation exactly;
/// every target prints PASS or MISS.
/// </summary>
internal static class CodecQuickCheck
{
    private static readonly TimeSpan PerRatio = TimeSpan.FromSeconds(6);

    /// <summary>Runs the check and prints one line per target.</summary>
    /// <returns>Whether every target was met.</returns>
    public static bool Run()
    {
        var issued = new IssueTokenBenchmarks();
        issued.Setup();
        var tokenSize = StringSize(issued.Ours().Length);
        issued.Cleanup();

        Console.WriteLine("Codec targets (DESIGN §7): interleaved rounds, median ratio of time per call; allocations in bytes per call");
        var checks = new List<bool>
        {
            AtMost("generated SignCompact / HMAC floor", "generated", "floor", 1.25),
            AtMost("UserTokenIssuer.CreateUserToken / HMAC floor", "issue", "floor", 1.25),
            Allocates("generated SignCompact: the token string only", "generated", tokenSize),
            Allocates("UserTokenIssuer.CreateUserToken: the token string only", "issue", tokenSize),
            AtLeast("new JsonWebToken(string) / Token.Parse", "decode", "decode-jsonwebtoken", 4),
            AtLeast("JsonWebTokenHandler.ValidateTokenAsync / TokenValidator.Validate", "validate", "validate-handler", 4),
            AtLeast("JsonWebTokenHandler.ValidateTokenAsync / TokenValidator.ValidateAsync", "validate-async", "validate-handler", 4),
            Allocates("TokenValidator.Validate: the user id only", "validate", StringSize("john-doe".Length)),
        };

        return checks.All(met => met);
    }

    private static bool AtMost(string what, string candidate, string reference, double target)
    {
        var ratio = Interleaved.Measure(BenchmarkLoops.Create(candidate), BenchmarkLoops.Create(reference), PerRatio);
        return Print(ratio.Median <= target, $"{ratio.Median,8:0.00}x  {what} (target <= {target:0.00}; quartiles {ratio.LowerQuartile:0.00}..{ratio.UpperQuartile:0.00})");
    }

    // "The reference is N times slower": the inverse of the candidate's ratio, so the target reads as DESIGN states it.
    private static bool AtLeast(string what, string candidate, string reference, double target)
    {
        var ratio = Interleaved.Measure(BenchmarkLoops.Create(candidate), BenchmarkLoops.Create(reference), PerRatio);
        return Print(1 / ratio.Median >= target, $"{1 / ratio.Median,8:0.00}x  {what} (target >= {target:0}; quartiles {1 / ratio.UpperQuartile:0.00}..{1 / ratio.LowerQuartile:0.00})");
    }

    private static bool Allocates(string what, string loop, long expected)
    {
        var bytes = Interleaved.BytesPerCall(BenchmarkLoops.Create(loop));
        return Print(bytes == expected, $"{bytes,8} B  {what} (target {expected} B: one object)");
    }

    private static bool Print(bool met, string line)
    {
        Console.WriteLine($"  {(met ? "PASS" : "MISS")} {line}");
        return met;
    }

    // A string object on 64-bit: header, method table and length (20 bytes), the characters and a terminator, rounded to 8.
    private static long StringSize(int length) => (20 + ((length + 1) * 2) + 7) & ~7;
}
