using System;
using System.Diagnostics;
using System.Threading;

namespace StreamChat.Diagnostics;

/// <summary>One client's connection state metrics: each change is counted, and the time spent in the state it left is recorded.</summary>
internal sealed class ConnectionStateClock(TimeProvider time)
{
    private long _since = time.GetTimestamp();

    public void Changed(ConnectionState previous, ConnectionState current)
    {
        var now = time.GetTimestamp();
        var since = Interlocked.Exchange(ref _since, now);
        if (!ClientTelemetry.StateChanges.Enabled && !ClientTelemetry.StateDuration.Enabled)
        {
            return;
        }

        var spent = time.GetElapsedTime(since, now).TotalSeconds;
        ClientTelemetry.StateChanges.Add(1, new TagList
        {
            { TelemetryNames.ConnectionState, ClientTelemetry.Name(current) },
            { TelemetryNames.PreviousState, ClientTelemetry.Name(previous) },
        });
        ClientTelemetry.StateDuration.Record(spent, new TagList { { TelemetryNames.ConnectionState, ClientTelemetry.Name(previous) } });
    }
}
