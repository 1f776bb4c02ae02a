using System;
using System.Text.Json;

namespace BlazorChat;

/// <summary>What the backend's <c>GET /chat/config</c> tells the page: the chat server, the app's API key and the channel.</summary>
internal sealed record ChatSettings(Uri BaseUrl, string ApiKey, string ChannelType, string ChannelId)
{
    public string Cid => ChannelType + ":" + ChannelId;

    /// <summary>Reads the answer without reflection (the app is trimmed).</summary>
    public static ChatSettings Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new ChatSettings(
            new Uri(root.GetProperty("base_url").GetString()!),
            root.GetProperty("api_key").GetString()!,
            root.GetProperty("channel_type").GetString()!,
            root.GetProperty("channel_id").GetString()!);
    }
}
