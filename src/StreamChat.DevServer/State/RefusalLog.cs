using System;
using System.Collections.Generic;

namespace StreamChat.DevServer.State;

/// <summary>One refused request or connect, as the dashboard lists it. The message is the protocol error's, sent to the client anyway.</summary>
/// <param name="At">When, on the server's clock.</param>
/// <param name="Code">The protocol error code.</param>
/// <param name="Where">The method and path, or <c>WebSocket /connect</c>; never the query string.</param>
/// <param name="Message">The error message.</param>
internal sealed record Refusal(DateTimeOffset At, StreamErrorCode Code, string Where, string Message);

/// <summary>The latest refusals, newest last, bounded so a storm of bad requests keeps memory flat. Thread-safe.</summary>
internal sealed class RefusalLog
{
    public const int Capacity = 50;

    private readonly Queue<Refusal> _latest = new();

    public void Add(Refusal refusal)
    {
        lock (_latest)
        {
            _latest.Enqueue(refusal);
            if (_latest.Count > Capacity)
            {
                _latest.Dequeue();
            }
        }
    }

    /// <summary>The kept refusals, newest first.</summary>
    public Refusal[] Latest()
    {
        lock (_latest)
        {
            var latest = _latest.ToArray();
            Array.Reverse(latest);
            return latest;
        }
    }
}
