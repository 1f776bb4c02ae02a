using System;

namespace StreamChat.Internal;

/// <summary>Exponential backoff with "equal jitter": the n-th retry waits between half and all of <c>base·2^(n-1)</c>, capped.</summary>
internal static class Backoff
{
    private static readonly Random Shared = new();

    /// <summary>The delay before retry number <paramref name="retry"/> (1 = the first retry).</summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        double sample;
        lock (Shared)
        {
            sample = Shared.NextDouble();
        }

        return Delay(retry, baseDelay, maxDelay, sample);
    }

    /// <summary>The delay for a given uniform sample in [0, 1): deterministic, for tests.</summary>
    public static TimeSpan Delay(int retry, TimeSpan baseDelay, TimeSpan maxDelay, double sample)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries are counted from 1.");
        }

        var ceiling = Ceiling(retry, baseDelay, maxDelay);
        return TimeSpan.FromTicks((long)(ceiling.Ticks * (0.5 + (0.5 * sample))));
    }

    /// <summary>The un-jittered delay of retry <paramref name="retry"/>: the upper bound of <see cref="Delay(int, TimeSpan, TimeSpan)"/>.</summary>
    public static TimeSpan Ceiling(int retry, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        var factor = Math.Pow(2, Math.Min(retry - 1, 30));
        var ticks = Math.Min(baseDelay.Ticks * factor, maxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
