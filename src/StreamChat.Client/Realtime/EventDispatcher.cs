using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;

namespace StreamChat.Realtime;

/// <summary>
/// Turns a session's WebSocket events into the client's: each event's type is logged, and <c>message.new</c> raises
/// <see cref="ChatClient.MessageReceived"/> (only while the session is the client's current one).
/// </summary>
internal sealed class EventDispatcher(ChatClient client, ChatSession session, ILogger logger)
{
    /// <summary>Handles one event; the socket's receive loop calls it.</summary>
    public void OnEvent(ChatSocket socket, JsonElement root)
    {
        var type = Json.String(root, "type") ?? "(none)";
        Log.Event(logger, type);
        Diagnostics.ConnectionTelemetry.EventReceived(type);
        if (type == "message.new"
            && Json.String(root, "cid") is { } cid
            && root.TryGetProperty("message", out var messageElement)
            && ChatMessage.FromJson(messageElement) is { } message)
        {
            client.RaiseMessageReceived(session, new MessageReceivedEventArgs(cid, message));
        }
    }
}
