using System;
using System.Threading;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// The dev server's clock: the system's, plus an offset the harness moves forward to expire every token at once. Timers
/// and timestamps stay real, so the server's send timeouts and the measured times are not affected.
/// </summary>
internal sealed class ShiftableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
