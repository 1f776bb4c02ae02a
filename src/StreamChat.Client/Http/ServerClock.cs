using System;
using System.Globalization;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;

namespace StreamChat.Http;

/// <summary>
/// The chat server's clock, learned from the <c>Date</c> headers of its responses, or where a browser hides them
/// (cross-origin, unless the server exposes <c>Date</c>) from the time on the connection's first event. Token expiry is
/// judged on the server's clock, so proactive refresh never relies on the device clock alone.
/// </summary>
internal sealed class ServerClock(TimeProvider deviceClock, ILogger logger)
{
    // A Date header has one-second resolution; offsets that move less than this are noise.
    private static readonly TimeSpan SignificantChange = TimeSpan.FromSeconds(2);

    private readonly object _gate = new();
    private TimeSpan? _offset;

    /// <summary>Raised (outside any lock) when the offset is first learned or moves by more than two seconds.</summary>
    public event Action? OffsetChanged;

    /// <summary>The server clock minus the device clock, once a <c>Date</c> header has been seen.</summary>
    public TimeSpan? Offset
    {
        get
        {
            lock (_gate)
            {
                return _offset;
            }
        }
    }

    /// <summary>The server's current time, when its clock is known.</summary>
    public bool TryGetServerNow(out DateTimeOffset serverNow)
    {
        var offset = Offset;
        serverNow = offset is { } o ? deviceClock.GetUtcNow() + o : default;
        return offset is not null;
    }

    /// <summary>Learns from an HTTP <c>Date</c> header value (RFC 1123), if it parses.</summary>
    public void Observe(string? dateHeader)
    {
        if (dateHeader is not null && DateTimeOffset.TryParseExact(dateHeader.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            Observe(date);
        }
    }

    /// <summary>Learns from a response's date.</summary>
    public void Observe(DateTimeOffset? serverDate)
    {
        if (serverDate is { } date)
        {
            // The header is truncated to the second: the server's time was somewhere in [date, date + 1s).
            Learn(date.AddMilliseconds(500) - deviceClock.GetUtcNow());
        }
    }

    /// <summary>Learns from a time the server wrote with its full precision (an event's <c>created_at</c>).</summary>
    public void ObserveExact(DateTimeOffset serverTime) => Learn(serverTime - deviceClock.GetUtcNow());

    private void Learn(TimeSpan offset)
    {
        bool changed;
        lock (_gate)
        {
            changed = _offset is not { } previous || (offset - previous).Duration() > SignificantChange;
            if (changed)
            {
                _offset = offset;
            }
        }

        if (changed)
        {
            Log.ServerClockOffset(logger, offset);
            OffsetChanged?.Invoke();
        }
    }
}
