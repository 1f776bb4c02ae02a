using System;
using System.Buffers;
using System.Text;

namespace StreamChat.Jwt;

/// <summary>
/// An HS256 signing key made from an API secret: signs token payloads. (Checking tokens is <c>TokenValidator</c>'s job, in StreamChat.Server.)
/// One instance is meant to live as long as the secret does; it is safe to use from many threads at once.
/// </summary>
public sealed class JwtSigningKey : IDisposable
{
    /// <summary>The shortest secret accepted, in bytes (HS256 needs a key at least as long as its 256-bit hash).</summary>
    public const int MinimumSecretLength = Hs256.MinimumSecretLength;

    // Tokens of a few hundred bytes are built on the stack; bigger payloads rent.
    private const int StackBufferLength = 512;

    // Base64 of the MAC with its padding, before the padding is cut.
    private const int SignatureBufferLength = (HmacSha256Pool.HashSize + 2) / 3 * 4;

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
        Hs256.EnsureSecretLength(secret.Length, nameof(secret));
        _hmac = new HmacSha256Pool(secret);
    }

    /// <summary>Signs a payload given as UTF-8 JSON and returns the compact JWT (<c>header.payload.signature</c>).</summary>
    /// <param name="payloadUtf8">The payload: a JSON object in UTF-8. It is not checked.</param>
    /// <returns>The signed token string.</returns>
    /// <exception cref="ObjectDisposedException">The key was disposed before or during the call.</exception>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public string Sign(ReadOnlySpan<byte> payloadUtf8)
    {
        var header = Hs256.HeaderSegmentUtf8;
        var signatureStart = header.Length + 1 + Base64Url.GetEncodedLength(payloadUtf8.Length) + 1;

        // Room for the unpadded text plus what Base64 writes before the padding is cut.
        var capacity = checked(header.Length + 1 + Base64Url.GetEncodeBufferLength(payloadUtf8.Length) + 1 + SignatureBufferLength);
        byte[]? rented = null;
        var bytes = capacity <= StackBufferLength ? stackalloc byte[StackBufferLength] : (rented = ArrayPool<byte>.Shared.Rent(capacity));
        try
        {
            header.CopyTo(bytes);
            bytes[header.Length] = (byte)'.';
            Base64Url.Encode(payloadUtf8, bytes.Slice(header.Length + 1));

            Span<byte> mac = stackalloc byte[HmacSha256Pool.HashSize];
            _hmac.Compute(bytes.Slice(0, signatureStart - 1), mac);

            bytes[signatureStart - 1] = (byte)'.';
            var length = signatureStart + Base64Url.Encode(mac, bytes.Slice(signatureStart));
            return Ascii.GetString(bytes.Slice(0, length));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
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

        var payload = PayloadWriter.Rent();
        payload.Write(state, writeClaims, issuedAt, expiresAt);
        var token = Sign(payload.WrittenSpan);
        PayloadWriter.Return(payload);
        return token;
    }

    /// <summary>Signs the claims of a generated claims record, written by its <typeparamref name="TFormat"/>; the times in seconds since 1970.</summary>
    internal string Sign<TClaims, TFormat>(TClaims claims, long expiresAt, long issuedAt)
        where TClaims : Claims.ITokenClaims
        where TFormat : struct, Claims.IClaimsFormat<TClaims>
    {
        var payload = PayloadWriter.Rent();
        payload.Write<TClaims, TFormat>(claims, issuedAt, expiresAt);
        var token = Sign(payload.WrittenSpan);
        PayloadWriter.Return(payload);
        return token;
    }

    /// <summary>
    /// Releases the pooled HMAC instances and clears the key bytes. A <see cref="Sign(ReadOnlySpan{byte})"/> running on
    /// another thread meanwhile ends in <see cref="ObjectDisposedException"/>, never in a token signed with a cleared key.
    /// </summary>
    public void Dispose() => _hmac.Dispose();
}
