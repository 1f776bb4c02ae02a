using System;
using System.Buffers.Binary;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>One WebSocket frame as it travels on the wire: header (and mask key, if any) then payload.</summary>
internal sealed record RawFrame(byte[] Bytes, int HeaderLength, bool IsFinal)
{
    public int PayloadLength => Bytes.Length - HeaderLength;
}

/// <summary>Writes RFC 6455 server frames (unmasked, §5.2) and reads frames off a proxied stream.</summary>
internal static class WebSocketFrames
{
    private const byte TextOpcode = 0x1;
    private const byte BinaryOpcode = 0x2;

    public static byte[] Text(string text) => Frame(TextOpcode, Encoding.UTF8.GetBytes(text));

    public static byte[] Binary(ReadOnlySpan<byte> payload) => Frame(BinaryOpcode, payload);

    /// <summary>A well-formed JSON event of <paramref name="bytes"/> bytes: too large is its only fault.</summary>
    public static byte[] OversizedJson(int bytes)
    {
        const string Prefix = "{\"type\":\"health.check\",\"connection_id\":\"big\",\"pad\":\"";
        const string Suffix = "\"}";
        var payload = new byte[bytes];
        Encoding.ASCII.GetBytes(Prefix).CopyTo(payload, 0);
        payload.AsSpan(Prefix.Length, bytes - Prefix.Length - Suffix.Length).Fill((byte)'x');
        Encoding.ASCII.GetBytes(Suffix).CopyTo(payload, bytes - Suffix.Length);
        return Frame(TextOpcode, payload);
    }

    public static byte[] Frame(byte opcode, ReadOnlySpan<byte> payload)
    {
        var lengthBytes = payload.Length < 126 ? 0 : payload.Length <= ushort.MaxValue ? 2 : 8;
        var frame = new byte[2 + lengthBytes + payload.Length];
        frame[0] = (byte)(0x80 | opcode); // FIN + opcode
        switch (lengthBytes)
        {
            case 0:
                frame[1] = (byte)payload.Length;
                break;
            case 2:
                frame[1] = 126;
                BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
                break;
            default:
                frame[1] = 127;
                BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
                break;
        }

        payload.CopyTo(frame.AsSpan(2 + lengthBytes));
        return frame;
    }

    /// <summary>The next whole frame, or null when the peer closed between frames.</summary>
    public static async Task<RawFrame?> ReadAsync(PeerReader reader, CancellationToken cancellationToken)
    {
        var start = new byte[2];
        if (!await reader.ReadExactlyAsync(start, cancellationToken))
        {
            return null;
        }

        var masked = (start[1] & 0x80) != 0;
        var length = (ulong)(start[1] & 0x7F);
        var extended = length == 126 ? 2 : length == 127 ? 8 : 0;
        var header = new byte[2 + extended + (masked ? 4 : 0)];
        start.CopyTo(header, 0);
        await reader.ReadExactlyAsync(header.AsMemory(2), cancellationToken);
        length = extended switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)),
            8 => BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(2)),
            _ => length,
        };
        if (length > 64 * 1024 * 1024)
        {
            throw new InvalidOperationException("The proxy does not forward frames over 64 MiB.");
        }

        var bytes = new byte[header.Length + (int)length];
        header.CopyTo(bytes, 0);
        await reader.ReadExactlyAsync(bytes.AsMemory(header.Length), cancellationToken);
        return new RawFrame(bytes, header.Length, IsFinal: (start[0] & 0x80) != 0);
    }
}
