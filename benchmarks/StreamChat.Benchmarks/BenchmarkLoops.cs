using System;
using System.Collections.Generic;

namespace StreamChat.Benchmarks;

/// <summary>The benchmark methods by short name, set up and ready to call in a loop (for --profile, --compare and --quick).</summary>
internal static class BenchmarkLoops
{
    private static readonly Dictionary<string, Func<Action>> Loops = new(StringComparer.OrdinalIgnoreCase)
    {
        ["issue"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.Ours()),
        ["generated"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.Generated()),
        ["issue-jsonwebtokenhandler"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.JsonWebTokenHandler()),
        ["issue-jwtsecuritytokenhandler"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.JwtSecurityTokenHandler()),
        ["floor"] = () => Setup(new IssueTokenBenchmarks(), b => b.Setup(), b => b.HmacFloor()),
        ["decode"] = () => Setup(new DecodeTokenBenchmarks(), b => b.Setup(), b => b.Ours()),
        ["decode-jsonwebtoken"] = () => Setup(new DecodeTokenBenchmarks(), b => b.Setup(), b => b.JsonWebToken()),
        ["validate"] = () => Setup(new ValidateTokenBenchmarks(), b => b.Setup(), b => b.Ours()),
        ["validate-floor"] = () => Setup(new ValidateTokenBenchmarks(), b => b.Setup(), b => b.HmacFloor()),
        ["validate-handler"] = () => Setup(new ValidateTokenBenchmarks(), b => b.Setup(), b => b.Handler().GetAwaiter().GetResult()),
    };

    public static IEnumerable<string> Names => Loops.Keys;

    public static bool TryCreate(string name, out Action step)
    {
        step = Loops.TryGetValue(name, out var make) ? make() : () => { };
        return Loops.ContainsKey(name);
    }

    public static Action Create(string name) =>
        TryCreate(name, out var step) ? step : throw new ArgumentException($"Unknown loop '{name}'; one of: {string.Join(", ", Loops.Keys)}.", nameof(name));

    private static Action Setup<T>(T benchmarks, Action<T> setup, Action<T> step)
    {
        setup(benchmarks);
        return () => step(benchmarks);
    }
}
