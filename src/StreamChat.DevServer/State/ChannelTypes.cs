using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The built-in channel types of the hosted service; any other type is an input error (code 4).</summary>
internal static class ChannelTypes
{
    public const string Livestream = "livestream";

    public static readonly string[] All = ["messaging", Livestream, "team", "gaming", "commerce"];

    public static string Check(string type) => System.Array.IndexOf(All, type) >= 0
        ? type
        : throw ProtocolException.Input($"channel type '{Echo.Short(type)}' does not exist");

    public static JsonObject Config(string type) => new()
    {
        ["name"] = type,
        ["typing_events"] = false,
        ["read_events"] = false,
        ["connect_events"] = true,
        ["search"] = false,
        ["reactions"] = false,
        ["replies"] = false,
        ["mutes"] = false,
        ["uploads"] = false,
        ["url_enrichment"] = false,
        ["max_message_length"] = 5000,
        ["message_retention"] = "infinite",
        ["commands"] = new JsonArray(),
    };
}
