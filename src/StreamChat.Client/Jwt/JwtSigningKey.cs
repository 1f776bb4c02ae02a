using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>
/// An HS256 signing key made from an API secret: signs token payloads. (Checking tokens is <c>TokenValidator</c>'s job, in StreamChat.Server.)
/// One instance is meant to live as long as the secret does; it is safe to use from many threads at once.
/// </summary>
public sealed class JwtSigningKey : IDisposable
{
    /// <summary>The shortest secret accepted, in bytes (HS256 needs a key at least as long as its 256-bit hash).</summary>
    public const int MinimumSecretLength = 32;

    /// <summary>The header of every token signed here: <c>{"alg":"HS256","typ":"JWT"}</c>, base64url-encoded.</summary>
    internal const string HeaderSegment = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static PooledBufferWriter? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private readonly HmacSha256Pool _hmac;

    /// <summary>Creates a key from an API secret, used as its UTF-8 bytes.</summary>
    /// <param name="secret">The API secret, at least 32 bytes in UTF-8.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public JwtSigningKey([Annotations.ApiSecret] string secret)
        : this(Encoding.UTF8.GetBytes(secret ?? throw new ArgumentNullException(nameof(secret))))
    {
    }

    /// <summary>Creates a key from the raw bytes of a secret.</summary>
    /// <param name="secret">The secret, at least 32 bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 32 bytes.</exception>
    public JwtSigningKey(ReadOnlySpan<byte> secret)
    {
        EnsureSecretLength(secret.Length, nameof(secret));
        _hmac = new HmacSha256Pool(secret);
    }

    /// <summary>Signs a payload given as UTF-8 JSON and returns the compact JWT (<c>header.payload.signature</c>).</summary>
    /// <param name="payloadUtf8">The payload: a JSON object in UTF-8. It is not checked.</param>
    /// <returns>The signed token string.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed before or during the call.</exception>
    public string Sign(ReadOnlySpan<byte> payloadUtf8)
    {
        var headerLength = HeaderSegment.Length;
        var payloadLength = Base64Url.GetEncodedLength(payloadUtf8.Length);
        var signedLength = headerLength + 1 + payloadLength;
        var totalLength = signedLength + 1 + Base64Url.GetEncodedLength(HmacSha256Pool.HashSize);

        var rented = ArrayPool<byte>.Shared.Rent(totalLength + 8);
        try
        {
            var bytes = rented.AsSpan();
            for (var i = 0; i < headerLength; i++)
            {
                bytes[i] = (byte)HeaderSegment[i];
            }

            bytes[headerLength] = (byte)'.';
            var written = headerLength + 1 + Base64Url.Encode(payloadUtf8, bytes.Slice(headerLength + 1));

            Span<byte> mac = stackalloc byte[HmacSha256Pool.HashSize];
            _hmac.Compute(bytes.Slice(0, written), mac);

            bytes[written++] = (byte)'.';
            written += Base64Url.Encode(mac, bytes.Slice(written));
            return Ascii.GetString(bytes.Slice(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Writes a payload with <paramref name="writeClaims"/>, adds <c>iat</c> and <c>exp</c> when given
    /// (as whole seconds since the Unix epoch), and signs it.
    /// </summary>
    /// <typeparam name="TState">The value the claims come from.</typeparam>
    /// <param name="state">The value the claims come from.</param>
    /// <param name="writeClaims">Writes the claims as JSON properties.</param>
    /// <param name="expiresAt">The <c>exp</c> claim, or <see langword="null"/> for a token that does not expire.</param>
    /// <param name="issuedAt">The <c>iat</c> claim, or <see langword="null"/> to leave it out.</param>
    /// <returns>The signed token string.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed before or during the call.</exception>
    public string Sign<TState>(TState state, JwtClaimsWriter<TState> writeClaims, DateTimeOffset? expiresAt = null, DateTimeOffset? issuedAt = null)
    {
        if (writeClaims is null)
        {
            throw new ArgumentNullException(nameof(writeClaims));
        }

        var buffer = t_buffer ??= new PooledBufferWriter();
        buffer.Clear();
        var writer = t_writer;
        if (writer is null)
        {
            writer = t_writer = new Utf8JsonWriter(buffer, WriterOptions);
        }
        else
        {
            writer.Reset(buffer);
        }

        try
        {
            writer.WriteStartObject();
            writeClaims(writer, state);
            if (issuedAt is { } iat)
            {
                writer.WriteNumber(JwtClaimNames.IssuedAtUtf8, iat.ToUnixTimeSeconds());
            }

            if (expiresAt is { } exp)
            {
                writer.WriteNumber(JwtClaimNames.ExpiresAtUtf8, exp.ToUnixTimeSeconds());
            }

            writer.WriteEndObject();
            writer.Flush();
            return Sign(buffer.WrittenSpan);
        }
        catch
        {
            // A writer left mid-object by a throwing callback must not leak into the next call on this thread.
            t_writer = null;
            throw;
        }
    }

    /// <summary>Refuses a secret too short for HS256, with the message every secret-taking API gives.</summary>
    internal static void EnsureSecretLength(int byteCount, string parameterName)
    {
        if (byteCount < MinimumSecretLength)
        {
            throw new ArgumentException(
                $"The API secret is {byteCount} bytes long; HS256 needs at least {MinimumSecretLength}. " +
                "Use the secret of your chat app as it is, or generate one with at least 32 random bytes.",
                parameterName);
        }
    }

    /// <summary>
    /// Releases the pooled HMAC instances and clears the key bytes. A <see cref="Sign(ReadOnlySpan{byte})"/> running on
    /// another thread meanwhile ends in <see cref="ObjectDisposedException"/>, never in a token signed with a cleared key.
    /// </summary>
    public void Dispose() => _hmac.Dispose();
}
