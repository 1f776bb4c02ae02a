using System.Threading;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer;

/// <summary>
/// Faults the server injects on request, for testing how clients recover. Reachable only in-process through
/// <see cref="DevServer.Faults"/>; every fault is off until armed. Thread-safe.
/// </summary>
public sealed partial class DevServerFaults
{
    private readonly object _gate = new();
    private readonly ConnectionRegistry _connections;
    private int _rejectRequests;
    private StreamErrorCode _requestCode;
    private string? _requestPath;
    private int _rejectConnects;
    private StreamErrorCode _connectCode;

    internal DevServerFaults(ConnectionRegistry connections) => _connections = connections;

    /// <summary>
    /// Answers the next <paramref name="count"/> REST requests that carry a user token (not <c>/guest</c>, not server-token
    /// calls, not anonymous ones) with <paramref name="code"/> and its protocol error body, without looking at the token.
    /// </summary>
    /// <param name="count">How many requests to reject; 0 disarms.</param>
    /// <param name="code">The error code to answer with; default 40 (token expired).</param>
    public void RejectNextRequests(int count, StreamErrorCode code = StreamErrorCode.TokenExpired)
    {
        EnsureValid(count, code);
        lock (_gate)
        {
            _rejectRequests = count;
            _requestCode = code;
            _requestPath = null;
        }
    }

    /// <summary>
    /// Like <see cref="RejectNextRequests"/>, for requests to <paramref name="path"/> only (for example <c>/sync</c>, to
    /// fail a client's recovery of missed messages while its other requests succeed). Arming replaces any earlier
    /// request fault.
    /// </summary>
    /// <param name="path">The request path, compared without case, starting with <c>/</c>.</param>
    /// <param name="count">How many requests to <paramref name="path"/> to reject; 0 disarms.</param>
    /// <param name="code">The error code to answer with; default 40 (token expired).</param>
    public void RejectNextRequestsTo(string path, int count, StreamErrorCode code = StreamErrorCode.TokenExpired)
    {
        if (path is null || !path.StartsWith('/'))
        {
            throw new System.ArgumentException($"The path must start with '/' (for example \"/sync\"); got {(path is null ? "null" : $"\"{path}\"")}.", nameof(path));
        }

        EnsureValid(count, code);
        lock (_gate)
        {
            _rejectRequests = count;
            _requestCode = code;
            _requestPath = path;
        }
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> WebSocket <c>/connect</c> attempts with the error frame for
    /// <paramref name="code"/>, then closes them with status 1000.
    /// </summary>
    /// <param name="count">How many connects to reject; 0 disarms.</param>
    /// <param name="code">The error code to answer with; default 40 (token expired).</param>
    public void RejectNextConnects(int count, StreamErrorCode code = StreamErrorCode.TokenExpired)
    {
        EnsureValid(count, code);
        lock (_gate)
        {
            _rejectConnects = count;
            _connectCode = code;
        }
    }

    /// <summary>Aborts every open WebSocket connection now, without a close handshake.</summary>
    /// <returns>How many connections were dropped.</returns>
    public int DropWebSockets() => _connections.AbortAll();

    /// <summary>Disarms every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _rejectRequests = 0;
            _requestPath = null;
            _rejectConnects = 0;
        }
    }

    /// <summary>The error message of an injected fault: says it was injected, so a test log is never misleading.</summary>
    internal static string Message(StreamErrorCode code) => code switch
    {
        StreamErrorCode.TokenExpired => "token is expired (injected fault)",
        _ => $"request rejected with code {(int)code} (injected fault)",
    };

    internal bool TryConsumeRequestRejection(string path, out StreamErrorCode code)
    {
        lock (_gate)
        {
            if (_requestPath is not null && !string.Equals(_requestPath, path, System.StringComparison.OrdinalIgnoreCase))
            {
                code = StreamErrorCode.None;
                return false;
            }
        }

        return TryConsume(ref _rejectRequests, _requestCode, out code);
    }

    internal bool TryConsumeConnectRejection(out StreamErrorCode code) => TryConsume(ref _rejectConnects, _connectCode, out code);

    private bool TryConsume(ref int remaining, StreamErrorCode armed, out StreamErrorCode code)
    {
        lock (_gate)
        {
            if (remaining > 0)
            {
                remaining--;
                code = armed;
                return true;
            }
        }

        code = StreamErrorCode.None;
        return false;
    }

    private static void EnsureValid(int count, StreamErrorCode code)
    {
        if (count < 0)
        {
            throw new System.ArgumentOutOfRangeException(nameof(count), count, "The count cannot be negative.");
        }

        if (code == StreamErrorCode.None)
        {
            throw new System.ArgumentException("A fault needs an error code.", nameof(code));
        }
    }
}
