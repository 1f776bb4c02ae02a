using System;

namespace StreamChat;

/// <summary>The base of the errors a <see cref="ChatClient"/> reports. Messages never contain a token or a secret.</summary>
public abstract class ChatException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong and what to do next.</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    protected ChatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
