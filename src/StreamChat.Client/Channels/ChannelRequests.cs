using System;
using System.Collections.Generic;
using System.Text.Json;
using StreamChat.Http;

namespace StreamChat.Channels;

/// <summary>Paths and bodies of the channel endpoints (docs/devserver.md, "Protocol"). Types and ids are checked first (<see cref="ChannelIds"/>).</summary>
internal static class ChannelRequests
{
    public static string QueryPath(string type, string id) => $"channels/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}/query";

    public static string MessagePath(string type, string id) => $"channels/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}/message";

    public static string StopWatchingPath(string type, string id) => $"channels/{Uri.EscapeDataString(type)}/{Uri.EscapeDataString(id)}/stop-watching";

    /// <summary>The body of <c>POST /sync</c>, as the official clients' <c>sync(channel_cids, last_sync_at)</c> sends it.</summary>
    public static byte[] SyncBody(IReadOnlyList<string> cids, string lastSyncAt) => JsonBody.Write((cids, lastSyncAt), static (writer, state) =>
    {
        writer.WriteStartObject();
        writer.WriteStartArray("channel_cids");
        foreach (var cid in state.cids)
        {
            writer.WriteStringValue(cid);
        }

        writer.WriteEndArray();
        writer.WriteString("last_sync_at", state.lastSyncAt);
        writer.WriteEndObject();
    });

    /// <summary>An empty JSON object, the body of calls that need none (as the official clients send it).</summary>
    public static byte[] EmptyBody() => [(byte)'{', (byte)'}'];

    /// <summary>The query string that subscribes this connection, as the official clients send it.</summary>
    public static string? ConnectionQuery(string? connectionId) => connectionId is null ? null : "connection_id=" + Uri.EscapeDataString(connectionId);

    public static byte[] QueryBody(bool watch, string? connectionId) => JsonBody.Write((watch, connectionId), static (writer, state) =>
    {
        writer.WriteStartObject();
        writer.WriteBoolean("state", true);
        writer.WriteBoolean("watch", state.watch);
        writer.WriteBoolean("presence", false);
        if (state.watch && state.connectionId is not null)
        {
            writer.WriteString("connection_id", state.connectionId);
        }

        writer.WriteEndObject();
    });

    public static byte[] MessageBody(string text) => JsonBody.Write(text, static (writer, text) =>
    {
        writer.WriteStartObject();
        writer.WriteStartObject("message");
        writer.WriteString("text", text);
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static byte[] GuestBody(GuestUser user) => JsonBody.Write(user, static (writer, user) =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("user");
        user.WriteTo(writer);
        writer.WriteEndObject();
    });

    public static Token ReadGuestToken(JsonElement root) =>
        Json.String(root, "access_token") is { } raw
            ? Token.Parse(raw)
            : throw new JsonException("The guest endpoint's answer had no access_token.");
}
