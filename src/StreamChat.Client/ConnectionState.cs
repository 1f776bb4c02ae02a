using System;

namespace StreamChat;

/// <summary>The state of a <see cref="ChatClient"/>'s connection.</summary>
public enum ConnectionState
{
    /// <summary>Not connected.</summary>
    Disconnected,

    /// <summary><see cref="ChatClient.ConnectAsync"/> is running.</summary>
    Connecting,

    /// <summary>Connected: the WebSocket is open and requests go out as the current user.</summary>
    Connected,

    /// <summary>The WebSocket dropped; the client is reconnecting with backoff. Requests still go out.</summary>
    Reconnecting,
}

/// <summary>A change of <see cref="ChatClient.State"/>.</summary>
public sealed class ConnectionStateChangedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="previous">The state before.</param>
    /// <param name="current">The state now.</param>
    /// <param name="error">Why the connection ended, when it ended with an error.</param>
    /// <param name="connectionId">The connection id, for a change to <see cref="ConnectionState.Connected"/>.</param>
    public ConnectionStateChangedEventArgs(ConnectionState previous, ConnectionState current, Exception? error = null, string? connectionId = null)
    {
        Previous = previous;
        Current = current;
        Error = error;
        ConnectionId = connectionId;
    }

    /// <summary>The state before.</summary>
    public ConnectionState Previous { get; }

    /// <summary>The state now.</summary>
    public ConnectionState Current { get; }

    /// <summary>Why the connection ended, when it ended with an error (for example a terminal error code while reconnecting).</summary>
    public Exception? Error { get; }

    /// <summary>
    /// For a change to <see cref="ConnectionState.Connected"/>, the WebSocket's connection id at that moment (the handler
    /// runs later, when <see cref="ChatClient.ConnectionId"/> may already be another one); else <see langword="null"/>.
    /// </summary>
    public string? ConnectionId { get; }
}
