using System;
using System.Security.Cryptography;
using System.Threading;

namespace StreamChat.Jwt;

/// <summary>
/// Keyed HMAC-SHA256 instances for one key, reused across calls and shared safely between threads:
/// a caller takes an instance from a slot (or makes one when all are taken) and puts it back afterwards.
/// </summary>
internal sealed class HmacSha256Pool : IDisposable
{
    public const int HashSize = 32;

    private readonly byte[] _key;
    private readonly IncrementalHash?[] _slots;
    private int _disposed;

    public HmacSha256Pool(ReadOnlySpan<byte> key)
    {
        _key = key.ToArray();
        _slots = new IncrementalHash?[Math.Max(4, Environment.ProcessorCount * 2)];
    }

    /// <summary>Computes HMAC-SHA256 of <paramref name="data"/> into <paramref name="destination"/> (32 bytes).</summary>
    /// <exception cref="ObjectDisposedException">The pool was disposed before or while the hash was computed.</exception>
    public void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        ThrowIfDisposed();
        ComputeWithPooledInstance(data, destination);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        for (var i = 0; i < _slots.Length; i++)
        {
            Interlocked.Exchange(ref _slots[i], null)?.Dispose();
        }

        Array.Clear(_key, 0, _key.Length);
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(JwtSigningKey));
        }
    }

    private void ComputeWithPooledInstance(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var hmac = Rent();
        try
        {
#if NET
            hmac.AppendData(data);
            if (!hmac.TryGetHashAndReset(destination, out _))
            {
                throw new ArgumentException("The destination must hold 32 bytes.", nameof(destination));
            }
#else
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(data.Length);
            try
            {
                data.CopyTo(buffer);
                hmac.AppendData(buffer, 0, data.Length);
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            hmac.GetHashAndReset().AsSpan().CopyTo(destination);
#endif
        }
        finally
        {
            Return(hmac);
        }
    }

    private IncrementalHash Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            var hmac = Interlocked.Exchange(ref _slots[i], null);
            if (hmac is not null)
            {
                return hmac;
            }
        }

        var created = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);

        // Dispose may have cleared the key while this instance was made from it. Dispose marks itself disposed before it
        // clears a byte, so an instance that read a cleared byte always sees the mark here, after a full fence: it is
        // thrown away and the caller gets ObjectDisposedException, never a signature made with a cleared key. So every
        // instance that reaches the pool was made from the whole key, and one taken from it needs no check.
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _disposed) != 0)
        {
            created.Dispose();
            throw new ObjectDisposedException(nameof(JwtSigningKey));
        }

        return created;
    }

    private void Return(IncrementalHash hmac)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (Interlocked.CompareExchange(ref _slots[i], hmac, null) is null)
                {
                    // A Dispose that emptied the slots just before this one was filled would miss it: take it back.
                    if (Volatile.Read(ref _disposed) != 0 && Interlocked.CompareExchange(ref _slots[i], null, hmac) == hmac)
                    {
                        hmac.Dispose();
                    }

                    return;
                }
            }
        }

        hmac.Dispose();
    }
}
