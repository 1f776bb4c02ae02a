using System;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>
/// Writes a token payload: the caller's claims through a <see cref="Utf8JsonWriter"/>, then <c>iat</c> and <c>exp</c>.
/// One instance per thread is reused, so signing allocates nothing here; a nested signing call on the same thread (a
/// claims writer that signs) gets a fresh instance instead of the one in use.
/// </summary>
internal sealed class PayloadWriter
{
    [ThreadStatic]
    private static PayloadWriter? t_idle;

    // ,"iat": and a long's 20 characters at most.
    private const int MaxTimeProperty = 7 + 20;

    private readonly PooledBufferWriter _buffer = new();
    private readonly Utf8JsonWriter _json;
    private readonly Claims.ClaimsWriter _claims = new();

    private PayloadWriter() => _json = new Utf8JsonWriter(_buffer, RelaxedJson.WriterOptions);

    /// <summary>The bytes written by the last <see cref="Write{TState}"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.WrittenSpan;

    /// <summary>Takes this thread's writer (or a new one while it is in use); give it back with <see cref="Return"/>.</summary>
    public static PayloadWriter Rent()
    {
        var writer = t_idle ?? new PayloadWriter();
        t_idle = null;
        return writer;
    }

    /// <summary>Makes the writer this thread's idle one again. A writer whose claims callback threw is simply not returned.</summary>
    public static void Return(PayloadWriter writer) => t_idle = writer;

    /// <summary>Writes <c>{claims, "iat": …, "exp": …}</c>, the times as whole seconds since the Unix epoch.</summary>
    /// <exception cref="InvalidOperationException">The claims writer left something other than complete properties.</exception>
    public void Write<TState>(TState state, JwtClaimsWriter<TState> writeClaims, DateTimeOffset? issuedAt, DateTimeOffset? expiresAt)
    {
        _buffer.Clear();
        _json.Reset(_buffer);
        _json.WriteStartObject();
        writeClaims(_json, state);
        _json.Flush();
        EnsureWholeProperties();
        AppendTimes(issuedAt?.ToUnixTimeSeconds(), expiresAt?.ToUnixTimeSeconds());
    }

    /// <summary>
    /// Writes the payload of a generated claims record: directly when every value allows it, else again through
    /// <see cref="Utf8JsonWriter"/>; the bytes are the same either way.
    /// </summary>
    public void Write<TClaims, TFormat>(TClaims claims, long? issuedAt, long? expiresAt)
        where TClaims : Claims.ITokenClaims
        where TFormat : struct, Claims.IClaimsFormat<TClaims>
    {
        _buffer.Clear();
        _buffer.GetSpan(1)[0] = (byte)'{';
        _buffer.Advance(1);
        _claims.StartDirect(_buffer);
        default(TFormat).Write(_claims, claims);
        if (_claims.InArray)
        {
            throw Claims.ClaimsWriter.Misuse();
        }

        if (_claims.NeedsJson)
        {
            _buffer.Clear();
            _json.Reset(_buffer);
            _json.WriteStartObject();
            _claims.StartJson(_json);
            default(TFormat).Write(_claims, claims);
            _json.Flush();
            EnsureWholeProperties();
        }

        AppendTimes(issuedAt, expiresAt);
    }

    // The two numbers are appended directly: Utf8JsonWriter spends more on a property than formatting it costs. That is
    // safe only where the writer would have accepted another property: inside the root object, after a value.
    private void EnsureWholeProperties()
    {
        if (_json.CurrentDepth != 1 || _buffer.WrittenSpan[_buffer.WrittenSpan.Length - 1] == (byte)':')
        {
            throw Claims.ClaimsWriter.Misuse();
        }
    }

    // The times in seconds since 1970 (NumericDate) and the closing brace, in one reservation of the buffer rather than one
    // per part (with ClaimsWriter's single search for plain strings, 0.03-0.04 HMAC floors of SignCompact; docs/benchmarks.md).
    private void AppendTimes(long? issuedAt, long? expiresAt)
    {
        var separator = _buffer.WrittenSpan[_buffer.WrittenSpan.Length - 1] != (byte)'{';
        var span = _buffer.GetSpan((2 * MaxTimeProperty) + 1);
        var length = 0;
        if (issuedAt is { } iat)
        {
            length = NumericDate.WriteProperty(span, separator ? ",\"iat\":"u8 : "\"iat\":"u8, iat);
            separator = true;
        }

        if (expiresAt is { } exp)
        {
            length += NumericDate.WriteProperty(span.Slice(length), separator ? ",\"exp\":"u8 : "\"exp\":"u8, exp);
        }

        span[length] = (byte)'}';
        _buffer.Advance(length + 1);
    }
}
