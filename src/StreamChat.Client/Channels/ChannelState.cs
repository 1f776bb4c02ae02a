using System;
using System.Collections.Generic;
using System.Text.Json;

namespace StreamChat;

/// <summary>A channel as a query returns it: its identity and its latest messages.</summary>
public sealed class ChannelState
{
    /// <summary>Creates a channel description.</summary>
    /// <param name="type">The channel type, for example <c>messaging</c> or <c>livestream</c>.</param>
    /// <param name="id">The channel id.</param>
    /// <param name="messages">The latest messages, oldest first.</param>
    public ChannelState(string type, string id, IReadOnlyList<ChatMessage> messages)
    {
        Type = type ?? throw new ArgumentNullException(nameof(type));
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Messages = messages ?? throw new ArgumentNullException(nameof(messages));
    }

    /// <summary>The channel type.</summary>
    public string Type { get; }

    /// <summary>The channel id.</summary>
    public string Id { get; }

    /// <summary>The channel's full id, <c>type:id</c>.</summary>
    public string Cid => Type + ":" + Id;

    /// <summary>The latest messages, oldest first.</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <inheritdoc/>
    public override string ToString() => $"ChannelState({Cid}, {Messages.Count} messages)";

    internal static ChannelState FromJson(JsonElement root, string type, string id)
    {
        var messages = new List<ChatMessage>();
        if (root.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (ChatMessage.FromJson(item) is { } message)
                {
                    messages.Add(message);
                }
            }
        }

        if (root.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.Object)
        {
            type = Json.String(channel, "type") ?? type;
            id = Json.String(channel, "id") ?? id;
        }

        return new ChannelState(type, id, messages);
    }
}
