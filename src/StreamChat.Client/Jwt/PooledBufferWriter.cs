using System;
using System.Buffers;

namespace StreamChat.Jwt;

/// <summary>A growable buffer for <see cref="System.Text.Json.Utf8JsonWriter"/>, kept per thread and reused.</summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[512];
    private int _written;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Clear() => _written = 0;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var grown = new byte[Math.Max(_buffer.Length * 2, _written + needed)];
        _buffer.AsSpan(0, _written).CopyTo(grown);
        _buffer = grown;
    }
}
