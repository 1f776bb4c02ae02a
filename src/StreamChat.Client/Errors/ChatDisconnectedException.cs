using System;

namespace StreamChat;

/// <summary>
/// The request could not complete because the client is not connected, was disconnected, switched user or was
/// disposed while it waited (for example for a token refresh).
/// </summary>
public sealed class ChatDisconnectedException : ChatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="reason">Why the client is not connected.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public ChatDisconnectedException(DisconnectReason reason, Exception? innerException = null)
        : base(Describe(reason), innerException)
    {
        Reason = reason;
    }

    /// <summary>Why the client is not connected.</summary>
    public DisconnectReason Reason { get; }

    private static string Describe(DisconnectReason reason) => reason switch
    {
        DisconnectReason.NotConnected => "The chat client is not connected; call ConnectAsync first.",
        DisconnectReason.Disconnected => "The chat client was disconnected (DisconnectAsync) while this operation was pending.",
        DisconnectReason.UserSwitched => "The chat client switched to another user while this operation was pending; it was not sent for the new user.",
        DisconnectReason.Disposed => "The chat client was disposed while this operation was pending.",
        DisconnectReason.ConnectionLost => "The connection to the chat server was lost and could not be restored; call ConnectAsync to try again.",
        _ => "The chat client is not connected.",
    };
}

/// <summary>Why a <see cref="ChatClient"/> is not connected.</summary>
public enum DisconnectReason
{
    /// <summary><see cref="ChatClient.ConnectAsync"/> was not called (or did not succeed).</summary>
    NotConnected,

    /// <summary><see cref="ChatClient.DisconnectAsync"/> was called.</summary>
    Disconnected,

    /// <summary><see cref="ChatClient.SwitchUserAsync"/> replaced the user.</summary>
    UserSwitched,

    /// <summary>The client was disposed.</summary>
    Disposed,

    /// <summary>The WebSocket dropped and reconnecting failed with an error that retrying cannot fix.</summary>
    ConnectionLost,
}
