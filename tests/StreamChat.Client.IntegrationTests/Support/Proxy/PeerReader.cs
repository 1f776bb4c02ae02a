using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>Reads one side of a proxied TCP connection: an HTTP head first, then exact byte counts or whatever arrives.</summary>
internal sealed class PeerReader(Socket socket)
{
    private const int MaxHeadBytes = 64 * 1024;
    private static readonly byte[] HeadEnd = "\r\n\r\n"u8.ToArray();

    private readonly byte[] _buffer = new byte[MaxHeadBytes];
    private int _start;
    private int _end;

    /// <summary>The bytes up to and including the blank line that ends an HTTP head; null when the peer closed first.</summary>
    public async Task<byte[]?> ReadHeadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var at = _buffer.AsSpan(_start, _end - _start).IndexOf(HeadEnd);
            if (at >= 0)
            {
                var head = _buffer.AsSpan(_start, at + HeadEnd.Length).ToArray();
                _start += head.Length;
                return head;
            }

            if (_end == _buffer.Length)
            {
                throw new InvalidOperationException("The HTTP head is larger than the proxy reads.");
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    /// <summary>Fills <paramref name="target"/>; false when the peer closed before the first byte.</summary>
    public async Task<bool> ReadExactlyAsync(Memory<byte> target, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < target.Length)
        {
            var read = await ReadSomeAsync(target[filled..], cancellationToken);
            if (read == 0)
            {
                return filled == 0 ? false : throw new SocketException((int)SocketError.ConnectionReset);
            }

            filled += read;
        }

        return true;
    }

    /// <summary>What is buffered, else what the socket gives next; 0 when the peer closed.</summary>
    public async Task<int> ReadSomeAsync(Memory<byte> target, CancellationToken cancellationToken)
    {
        if (_end > _start)
        {
            var count = Math.Min(target.Length, _end - _start);
            _buffer.AsMemory(_start, count).CopyTo(target);
            _start += count;
            return count;
        }

        return await socket.ReceiveAsync(target, SocketFlags.None, cancellationToken);
    }

    /// <summary>Reads and drops everything until the peer closes: a stalled connection still notices its client leave.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        var sink = new byte[16 * 1024];
        while (await ReadSomeAsync(sink, cancellationToken) > 0)
        {
        }
    }
}
