using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// A fake clock that reports every one-shot timer the client creates, so a test can advance time exactly to a delay the
/// client chose instead of sleeping or guessing.
/// </summary>
internal sealed class TimerWatchingClock() : FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero))
{
    private readonly Channel<TimeSpan> _oneShotTimers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan && dueTime != Timeout.InfiniteTimeSpan)
        {
            _oneShotTimers.Writer.TryWrite(dueTime);
        }

        return timer;
    }

    /// <summary>The due time of the next one-shot timer that <paramref name="accept"/> accepts (others are skipped).</summary>
    public async Task<TimeSpan> NextTimerAsync(Func<TimeSpan, bool> accept)
    {
        while (true)
        {
            var due = await _oneShotTimers.Reader.ReadAsync().AsTask().Guard();
            if (accept(due))
            {
                return due;
            }
        }
    }
}
