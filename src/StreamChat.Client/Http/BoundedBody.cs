using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Http;

/// <summary>
/// Reads a response body of at most a given size: a <c>Content-Length</c> over it fails before reading, and a body
/// without one stops one byte past it, so a broken or hostile server cannot make the client buffer without end.
/// </summary>
internal static class BoundedBody
{
    private const int FirstBufferSize = 16 * 1024;

    /// <summary>The body, or <see langword="null"/> when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<ArraySegment<byte>?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return null;
        }

#if NET8_0_OR_GREATER
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
        var buffer = new byte[(int)Math.Min(declared ?? FirstBufferSize, maxBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxBytes)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)maxBytes + 1));
            }

            var read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new ArraySegment<byte>(buffer, 0, length);
            }

            length += read;
        }
    }
}
