using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Channels;
using StreamChat.Diagnostics;

namespace StreamChat;

/// <summary>The small channel API: query, watch or stop watching a channel and send messages.</summary>
public sealed partial class ChatClient
{
    /// <summary>
    /// Gets (or creates) a channel and its latest messages. With <paramref name="watch"/>, this connection also
    /// receives the channel's events (<see cref="MessageReceived"/>), again after reconnects; while the client is
    /// reconnecting, a watch waits for the new connection (at most <see cref="ChatClientConfig.RequestTimeout"/>).
    /// </summary>
    /// <param name="type">The channel type, for example <c>messaging</c> or <c>livestream</c> (ASCII letters, digits, '_', '-').</param>
    /// <param name="id">The channel id (at most 64 ASCII letters, digits, '_', '-', '!').</param>
    /// <param name="watch">Whether to subscribe this connection to the channel's events.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The channel.</returns>
    /// <exception cref="ChatApiException">The server refused (for example code 17 for a user who may not read it).</exception>
    /// <exception cref="ChatDisconnectedException">The client is not connected, or disconnected while the request waited.</exception>
    /// <exception cref="System.ArgumentException">
    /// The type is not 1 to 64 ASCII letters, digits, '_' or '-', or the id is not 1 to 64 ASCII letters, digits, '_', '-' or '!'.
    /// </exception>
    /// <exception cref="ChatConnectionException">The server could not be reached, or (watching) the WebSocket did not reconnect in time.</exception>
    public async Task<ChannelState> QueryChannelAsync(string type, string id, bool watch = false, CancellationToken cancellationToken = default)
    {
        ChannelIds.Check(type, id);
        var session = RequireSession();
        using var span = RestTelemetry.StartChannelOperation(watch ? RestTelemetry.WatchSpan : RestTelemetry.QuerySpan, type);
        try
        {
            using var answer = watch
                ? await session.WatchAsync(type, id, cancellationToken).ConfigureAwait(false)
                : await session.SendAsync(HttpMethod.Post, ChannelRequests.QueryPath(type, id), null, ChannelRequests.QueryBody(false, null), cancellationToken).ConfigureAwait(false);
            return ChannelState.FromJson(answer.RootElement, type, id);
        }
        catch (System.Exception exception) when (ClientTelemetry.Fail(span, exception))
        {
            throw; // never: the filter only marks the span
        }
    }

    /// <summary>
    /// Stops watching a channel: <see cref="MessageReceived"/> is no longer raised for it, the server stops sending its
    /// events to this connection (the protocol's <c>stop-watching</c> call), and reconnects no longer watch it again.
    /// </summary>
    /// <param name="type">The channel type.</param>
    /// <param name="id">The channel id.</param>
    /// <param name="cancellationToken">Cancels the request (the channel is forgotten by the client all the same).</param>
    /// <returns>A task that completes when the server confirmed, or at once while the client is reconnecting.</returns>
    /// <exception cref="ChatApiException">The server refused (for example code 16: the channel does not exist).</exception>
    /// <exception cref="ChatDisconnectedException">The client is not connected, or disconnected while the request waited.</exception>
    /// <exception cref="System.ArgumentException">
    /// The type is not 1 to 64 ASCII letters, digits, '_' or '-', or the id is not 1 to 64 ASCII letters, digits, '_', '-' or '!'.
    /// </exception>
    public Task StopWatchingAsync(string type, string id, CancellationToken cancellationToken = default)
    {
        ChannelIds.Check(type, id);
        return RequireSession().StopWatchingAsync(type, id, cancellationToken);
    }

    /// <summary>Sends a text message to a channel as the connected user.</summary>
    /// <param name="type">The channel type.</param>
    /// <param name="id">The channel id.</param>
    /// <param name="text">The message text.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The message as the server stored it.</returns>
    /// <exception cref="ChatApiException">The server refused (for example code 17 for an anonymous user).</exception>
    /// <exception cref="ChatDisconnectedException">The client is not connected, or disconnected while the request waited.</exception>
    /// <exception cref="System.ArgumentException">
    /// The type is not 1 to 64 ASCII letters, digits, '_' or '-', or the id is not 1 to 64 ASCII letters, digits, '_', '-' or '!'.
    /// </exception>
    public async Task<ChatMessage> SendMessageAsync(string type, string id, string text, CancellationToken cancellationToken = default)
    {
        ChannelIds.Check(type, id);
        if (text is null)
        {
            throw new System.ArgumentNullException(nameof(text));
        }

        var session = RequireSession();
        using var span = RestTelemetry.StartChannelOperation(RestTelemetry.SendSpan, type);
        try
        {
            using var answer = await session.SendAsync(HttpMethod.Post, ChannelRequests.MessagePath(type, id), null, ChannelRequests.MessageBody(text), cancellationToken).ConfigureAwait(false);
            return answer.RootElement.TryGetProperty("message", out var message) && ChatMessage.FromJson(message) is { } sent
                ? sent
                : throw new ChatConnectionException("The chat server's answer to a new message had no message in it.");
        }
        catch (System.Exception exception) when (ClientTelemetry.Fail(span, exception))
        {
            throw; // never: the filter only marks the span
        }
    }
}
