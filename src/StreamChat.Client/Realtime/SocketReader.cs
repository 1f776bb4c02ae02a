using System;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Realtime;

/// <summary>What one WebSocket message turned out to be.</summary>
internal enum SocketMessageKind
{
    /// <summary>A JSON text message: <see cref="SocketMessage.Document"/> holds it.</summary>
    Json,

    /// <summary>The server closed the socket.</summary>
    Closed,

    /// <summary>A text message that is not JSON (read whole, so the stream is still in step).</summary>
    NotJson,

    /// <summary>A binary message, which the protocol never sends (read whole).</summary>
    Binary,
}

/// <summary>One message read from the socket; dispose it to release the document.</summary>
internal readonly struct SocketMessage(SocketMessageKind kind, JsonDocument? document, long length) : IDisposable
{
    public SocketMessageKind Kind { get; } = kind;

    public JsonDocument? Document { get; } = document;

    /// <summary>The message's size in bytes (for logs; the content is never logged).</summary>
    public long Length { get; } = length;

    public void Dispose() => Document?.Dispose();
}

/// <summary>
/// Reads whole messages from a WebSocket, each at most <see cref="ChatClientConfig.MaxWebSocketMessageBytes"/>. A larger
/// message cannot be skipped safely (its end may never come), so it is a <see cref="ChatConnectionException"/>: the
/// connection is broken.
/// </summary>
internal sealed class SocketReader(WebSocket socket, int maxMessageBytes)
{
    private readonly byte[] _buffer = new byte[16 * 1024];

    public async Task<SocketMessage> ReadAsync(CancellationToken cancellationToken)
    {
        MemoryStream? large = null;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(_buffer), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return new SocketMessage(SocketMessageKind.Closed, null, 0);
                }

                if (result.EndOfMessage && large is null)
                {
                    // A copy: the document must not see the buffer change under it.
                    return Parse(result.MessageType, _buffer.AsSpan(0, result.Count).ToArray());
                }

                large ??= new MemoryStream();
                large.Write(_buffer, 0, result.Count);
                if (large.Length > maxMessageBytes)
                {
                    Diagnostics.ConnectionTelemetry.FrameDropped("oversized");
                    throw new ChatConnectionException($"The chat server sent a WebSocket message larger than {maxMessageBytes} bytes (ChatClientConfig.MaxWebSocketMessageBytes); the connection is dropped.");
                }

                if (result.EndOfMessage)
                {
                    return Parse(result.MessageType, large.ToArray());
                }
            }
        }
        finally
        {
            large?.Dispose();
        }
    }

    private static SocketMessage Parse(WebSocketMessageType type, byte[] bytes)
    {
        if (type == WebSocketMessageType.Binary)
        {
            return new SocketMessage(SocketMessageKind.Binary, null, bytes.Length);
        }

        try
        {
            return new SocketMessage(SocketMessageKind.Json, JsonDocument.Parse(bytes), bytes.Length);
        }
        catch (JsonException)
        {
            return new SocketMessage(SocketMessageKind.NotJson, null, bytes.Length);
        }
    }
}
