using System;
using System.IO;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Realtime;

/// <summary>Reads whole text messages from a WebSocket.</summary>
internal sealed class SocketReader(WebSocket socket)
{
    private const int MaxMessageBytes = 4 * 1024 * 1024;

    private readonly byte[] _buffer = new byte[16 * 1024];

    /// <summary>The next message as a JSON document, or <see langword="null"/> when the server closed the socket.</summary>
    public async Task<JsonDocument?> ReadAsync(CancellationToken cancellationToken)
    {
        MemoryStream? large = null;
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(new ArraySegment<byte>(_buffer), cancellationToken).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                if (result.EndOfMessage && large is null)
                {
                    // A copy: the document must not see the buffer change under it.
                    return JsonDocument.Parse(_buffer.AsSpan(0, result.Count).ToArray());
                }

                large ??= new MemoryStream();
                large.Write(_buffer, 0, result.Count);
                if (large.Length > MaxMessageBytes)
                {
                    throw new InvalidDataException($"A WebSocket message was larger than {MaxMessageBytes} bytes.");
                }

                if (result.EndOfMessage)
                {
                    return JsonDocument.Parse(large.ToArray());
                }
            }
        }
        finally
        {
            large?.Dispose();
        }
    }
}
