namespace StreamChat.Benchmarks.Quick;

/// <summary>One target of the quick mode: what was measured, against what target, and whether it was met.</summary>
/// <param name="Name">What is checked, for example "expiry storm N=1,000: wall time, JS ÷ C#".</param>
/// <param name="Target">The target, for example "≥ 1.00×".</param>
/// <param name="Measured">What this run measured, with its unit.</param>
/// <param name="Met">Whether the target was met; <see langword="null"/> for a figure reported without a target (printed as INFO).</param>
internal sealed record QuickCheck(string Name, string Target, string Measured, bool? Met)
{
    /// <summary>A figure DESIGN §7 asks to report but sets no target for.</summary>
    public static QuickCheck Info(string name, string measured) => new(name, "none, reported", measured, null);
}
