using System;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// A clock that counts the timers created on it and not yet disposed (delays, timeouts, health checks, proactive
/// refreshes), on top of another clock: the system's or a fake one. A timer alive after the client is disposed is a leak.
/// </summary>
internal sealed class CountingClock(TimeProvider inner) : TimeProvider
{
    private int _live;
    private int _created;

    public int LiveTimers => Volatile.Read(ref _live);

    public int CreatedTimers => Volatile.Read(ref _created);

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _created);
        Interlocked.Increment(ref _live);
        return new CountedTimer(this, inner.CreateTimer(callback, state, dueTime, period));
    }

    private sealed class CountedTimer(CountingClock owner, ITimer timer) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period) => timer.Change(dueTime, period);

        public void Dispose()
        {
            Release();
            timer.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Release();
            return timer.DisposeAsync();
        }

        private void Release()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }
        }
    }
}
