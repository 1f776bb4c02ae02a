using System;
using System.Text.Json;

namespace StreamChat;

/// <summary>A message in a channel.</summary>
public sealed class ChatMessage
{
    /// <summary>Creates a message description.</summary>
    /// <param name="id">The message id.</param>
    /// <param name="text">The text.</param>
    /// <param name="user">The author, or <see langword="null"/> when the server did not say.</param>
    /// <param name="createdAt">When the server created it, or <see langword="null"/>.</param>
    public ChatMessage(string id, string text, ChatUser? user, DateTimeOffset? createdAt)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Text = text ?? string.Empty;
        User = user;
        CreatedAt = createdAt;
    }

    /// <summary>The message id.</summary>
    public string Id { get; }

    /// <summary>The text.</summary>
    public string Text { get; }

    /// <summary>The author, or <see langword="null"/> when the server did not say.</summary>
    public ChatUser? User { get; }

    /// <summary>When the server created the message, or <see langword="null"/>.</summary>
    public DateTimeOffset? CreatedAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"ChatMessage({Id} by {User?.Id ?? "?"})";

    internal static ChatMessage? FromJson(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || Json.String(message, "id") is not { } id)
        {
            return null;
        }

        var user = message.TryGetProperty("user", out var u) ? ChatUser.FromJson(u) : null;
        return new ChatMessage(id, Json.String(message, "text") ?? string.Empty, user, Json.Date(message, "created_at"));
    }
}
