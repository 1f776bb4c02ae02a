using System;

namespace StreamChat;

/// <summary>The chat server could not be reached, or the connection broke before it answered.</summary>
public sealed class ChatConnectionException : ChatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What failed (no token, no secret).</param>
    /// <param name="innerException">The transport's exception.</param>
    public ChatConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
