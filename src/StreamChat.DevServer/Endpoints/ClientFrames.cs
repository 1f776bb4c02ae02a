using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text.Unicode;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Endpoints;

/// <summary>
/// Reads what a connected client sends until it closes: health checks are answered (through the send queue), other JSON is
/// ignored. A frame the protocol has no use for ends the connection with the matching close status: binary (1003), larger
/// than <see cref="DevServerOptions.MaxRequestBodyBytes"/> (1009), text that is not UTF-8 (1007).
/// </summary>
internal static class ClientFrames
{
    public static async Task ReceiveAsync(WebSocket socket, ClientConnection connection, DevServerState state, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken).ConfigureAwait(false);
                switch (received.MessageType)
                {
                    case WebSocketMessageType.Close:
                        connection.Close(WebSocketCloseStatus.NormalClosure, null);
                        return;
                    case WebSocketMessageType.Binary:
                        connection.Close(WebSocketCloseStatus.InvalidMessageType, "binary frames are not supported");
                        return;
                }

                buffer.Advance(received.Count);
                if (buffer.WrittenCount > state.Options.MaxRequestBodyBytes)
                {
                    connection.Close(WebSocketCloseStatus.MessageTooBig, "message too large");
                    return;
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                if (!Utf8.IsValid(buffer.WrittenSpan))
                {
                    connection.Close(WebSocketCloseStatus.InvalidPayloadData, "text frames must be UTF-8");
                    return;
                }

                if (StrictJson.TryParse(buffer.WrittenSpan, out var frame, out _) && HealthCheck.Is(frame))
                {
                    connection.Enqueue(HealthCheck.Create(connection, state.Clock, me: null));
                }

                buffer.ResetWrittenCount();
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Aborted (a fault, a drop, a shutdown) or the peer vanished.
        }
    }

    /// <summary>
    /// After the server's own close frame (1003, 1007, 1009), waits for the client's closing frame or its disconnect, at
    /// most the send timeout: ending the connection at once can lose the frame still in flight. (When the WebSocket itself
    /// finds a protocol error it sends 1002 or 1007 and aborts at once; that frame is best effort.)
    /// </summary>
    public static async Task AwaitClosingHandshakeAsync(WebSocket socket, DevServerState state, CancellationToken aborted)
    {
        if (socket.State != WebSocketState.CloseSent)
        {
            return;
        }

        using var linger = new CancellationTokenSource(state.Limits.SendTimeout, state.Clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(linger.Token, aborted);
        var discard = new byte[4096];
        try
        {
            while ((await socket.ReceiveAsync(discard, either.Token).ConfigureAwait(false)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client left, or took too long.
        }
    }
}
