using System;
using System.Buffers.Binary;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>
/// A WebSocket client written frame by frame over a loopback socket: it can send what a well-behaved client never sends
/// (invalid UTF-8, unmasked or reserved frames) and can stop reading, with a tiny receive buffer, to play a stalled watcher.
/// </summary>
public sealed class RawWebSocket : IDisposable
{
    public const byte Text = 0x1;
    public const byte Binary = 0x2;
    public const byte Close = 0x8;
    public const byte Ping = 0x9;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;

    private RawWebSocket(Socket socket, int handshakeStatus)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        HandshakeStatus = handshakeStatus;
    }

    /// <summary>The HTTP status of the upgrade answer: 101 when the server switched protocols.</summary>
    public int HandshakeStatus { get; }

    /// <summary>Opens <paramref name="target"/> (path and query, sent as Latin-1 bytes) with an upgrade request.</summary>
    public static async Task<RawWebSocket> ConnectAsync(DevServer server, string target, int? receiveBufferSize = null, string? origin = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        if (receiveBufferSize is { } size)
        {
            socket.ReceiveBufferSize = size;
        }

        using var guard = HangGuard.Start();
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.BaseUrl.Port), guard.Token);
        var request = $"GET {target} HTTP/1.1\r\nHost: {server.BaseUrl.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + $"Sec-WebSocket-Key: {Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))}\r\nSec-WebSocket-Version: 13\r\n"
            + (origin is null ? string.Empty : $"Origin: {origin}\r\n") + "\r\n";
        await socket.SendAsync(RawHttp.Bytes(request), SocketFlags.None, guard.Token);

        // Byte by byte up to the blank line, so no frame byte is swallowed with the headers.
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, guard.Token) == 0)
            {
                break;
            }

            head.Append((char)one[0]);
        }

        var status = int.Parse(head.ToString().Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return new RawWebSocket(socket, status);
    }

    /// <summary>True once the server has ended the TCP connection and every byte it sent was read.</summary>
    public bool EndedByServer => _socket.Poll(0, SelectMode.SelectRead) && _socket.Available == 0;

    public Task SendTextAsync(string text) => SendFrameAsync(Text, Encoding.UTF8.GetBytes(text));

    /// <summary>Sends one frame; <paramref name="masked"/> false or a non-zero <paramref name="rsv"/> break the protocol on purpose.</summary>
    public async Task SendFrameAsync(byte opcode, byte[] payload, bool fin = true, bool masked = true, byte rsv = 0)
    {
        var frame = new MemoryStream();
        frame.WriteByte((byte)((fin ? 0x80 : 0) | (rsv << 4) | opcode));
        var maskBit = masked ? 0x80 : 0;
        if (payload.Length < 126)
        {
            frame.WriteByte((byte)(maskBit | payload.Length));
        }
        else
        {
            frame.WriteByte((byte)(maskBit | 127));
            var length = new byte[8];
            BinaryPrimitives.WriteUInt64BigEndian(length, (ulong)payload.Length);
            frame.Write(length);
        }

        var body = (byte[])payload.Clone();
        if (masked)
        {
            var mask = RandomNumberGenerator.GetBytes(4);
            frame.Write(mask);
            for (var i = 0; i < body.Length; i++)
            {
                body[i] ^= mask[i % 4];
            }
        }

        frame.Write(body);
        using var guard = HangGuard.Start();
        await _stream.WriteAsync(frame.ToArray(), guard.Token);
    }

    /// <summary>The next frame, or null when the server closed or reset the TCP connection.</summary>
    public async Task<(byte Opcode, byte[] Payload)?> ReceiveFrameAsync()
    {
        using var guard = HangGuard.Start();
        try
        {
            var header = new byte[2];
            await _stream.ReadExactlyAsync(header, guard.Token);
            long length = header[1] & 0x7F;
            if (length >= 126)
            {
                var extended = new byte[length == 126 ? 2 : 8];
                await _stream.ReadExactlyAsync(extended, guard.Token);
                length = extended.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(extended) : (long)BinaryPrimitives.ReadUInt64BigEndian(extended);
            }

            var payload = new byte[length];
            await _stream.ReadExactlyAsync(payload, guard.Token);
            return ((byte)(header[0] & 0x0F), payload);
        }
        catch (Exception e) when (e is EndOfStreamException or IOException)
        {
            return null;
        }
    }

    /// <summary>The next text frame as JSON.</summary>
    public async Task<JsonObject> ReceiveJsonAsync()
    {
        var frame = await ReceiveFrameAsync() ?? throw new AssertionException("The connection ended before a text frame.");
        Assert.That(frame.Opcode, Is.EqualTo(Text), "a text frame");
        return (JsonObject)JsonNode.Parse(frame.Payload)!;
    }

    /// <summary>Reads until the server's close frame and returns its status; null when the connection ended without one.</summary>
    public async Task<int?> ReceiveCloseStatusAsync()
    {
        while (await ReceiveFrameAsync() is { } frame)
        {
            if (frame.Opcode == Close)
            {
                return frame.Payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(frame.Payload) : 1005;
            }
        }

        return null;
    }

    public void Dispose()
    {
        _stream.Dispose();
        _socket.Dispose();
    }
}
