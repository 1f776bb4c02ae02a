using System;

namespace StreamChat;

/// <summary>A <c>message.new</c> event from a watched channel.</summary>
public sealed class MessageReceivedEventArgs : EventArgs
{
    /// <summary>Creates the event data.</summary>
    /// <param name="cid">The channel's full id, <c>type:id</c>.</param>
    /// <param name="message">The new message.</param>
    public MessageReceivedEventArgs(string cid, ChatMessage message)
    {
        Cid = cid ?? throw new ArgumentNullException(nameof(cid));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The channel's full id, <c>type:id</c>.</summary>
    public string Cid { get; }

    /// <summary>The new message.</summary>
    public ChatMessage Message { get; }
}
