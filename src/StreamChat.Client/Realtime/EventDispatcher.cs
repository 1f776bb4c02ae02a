using System.Text.Json;
using Microsoft.Extensions.Logging;
using StreamChat.Channels;
using StreamChat.Logging;

namespace StreamChat.Realtime;

/// <summary>
/// Turns a session's WebSocket events into the client's: each event's type is logged, and every event goes to the
/// session's <see cref="MessageFeed"/>, which raises <see cref="ChatClient.MessageReceived"/> for <c>message.new</c>.
/// </summary>
internal sealed class EventDispatcher(MessageFeed feed, ILogger logger)
{
    /// <summary>Handles one event; the socket's receive loop calls it, and it never waits for a handler.</summary>
    public void OnEvent(ChatSocket socket, JsonElement root)
    {
        var type = Json.String(root, "type") ?? "(none)";
        Log.Event(logger, type);
        Diagnostics.ConnectionTelemetry.EventReceived(type);
        feed.OnEvent(socket, type, root);
    }
}
