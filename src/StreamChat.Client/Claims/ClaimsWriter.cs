using System;
using System.Buffers.Text;
using System.ComponentModel;
using System.Text.Json;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>
/// Writes a <see cref="TokenClaimsAttribute"/> record's claims as properties of a token's payload, for the
/// <c>StreamChatFormat</c> the StreamChat generator writes into the record. Not meant to be used directly.
/// </summary>
/// <remarks>
/// The payload is first written byte by byte: names pre-encoded, numbers, GUIDs and strings of printable ASCII
/// characters other than <c>"</c> and <c>\</c>, which JSON writes as they are. A value that would need escaping or
/// formatting rules of its own (any other string, a <see cref="double"/>, a null) makes the runtime write the whole payload
/// again with <see cref="Utf8JsonWriter"/>, so the bytes are always the ones that writer produces.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClaimsWriter
{
    private PooledBufferWriter? _buffer;
    private Utf8JsonWriter? _json;
    private bool _first;
    private bool _firstItem;
    private bool _inArray;

    internal ClaimsWriter()
    {
    }

    /// <summary>Whether a value could not be written directly: the payload must be written again with JSON.</summary>
    internal bool NeedsJson { get; private set; }

    /// <summary>Whether an array was started and not ended, written directly.</summary>
    internal bool InArray => _inArray && !NeedsJson;

    /// <summary>Writes a property with a string value (<see langword="null"/> writes JSON null).</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public void String(JsonEncodedText name, string? value)
    {
        if (_json is not null)
        {
            _json.WriteString(name, value);
        }
        else if (value is not null && IsPlain(value) && TryStartDirect(name, value.Length + 2, out var span))
        {
            WritePlain(span, value);
        }
        else
        {
            NeedsJson = true;
        }
    }

    /// <summary>Writes a property with a GUID value, as its 36-character string.</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public void String(JsonEncodedText name, Guid value)
    {
        if (_json is not null)
        {
            _json.WriteString(name, value);
        }
        else if (TryStartDirect(name, 38, out var span))
        {
            span[0] = (byte)'"';
            Utf8Formatter.TryFormat(value, span.Slice(1), out var written);
            span[written + 1] = (byte)'"';
            _buffer!.Advance(written + 2);
        }
    }

    /// <summary>Writes a property with a <see langword="true"/> or <see langword="false"/> value.</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public void Boolean(JsonEncodedText name, bool value)
    {
        if (_json is not null)
        {
            _json.WriteBoolean(name, value);
        }
        else if (TryStartDirect(name, 5, out var span))
        {
            var literal = value ? "true"u8 : "false"u8;
            literal.CopyTo(span);
            _buffer!.Advance(literal.Length);
        }
    }

    /// <summary>Writes a property with an integer value.</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public void Number(JsonEncodedText name, long value)
    {
        if (_json is not null)
        {
            _json.WriteNumber(name, value);
        }
        else if (TryStartDirect(name, 20, out var span))
        {
            Utf8Formatter.TryFormat(value, span, out var written);
            _buffer!.Advance(written);
        }
    }

    /// <summary>Writes a property with a floating-point value, formatted as <see cref="Utf8JsonWriter"/> formats it.</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    /// <param name="value">The value.</param>
    public void Number(JsonEncodedText name, double value)
    {
        if (_json is not null)
        {
            _json.WriteNumber(name, value);
        }
        else
        {
            NeedsJson = true;
        }
    }

    /// <summary>Starts a property whose value is an array; <see cref="StringValue"/> writes its items and <see cref="EndArray"/> closes it.</summary>
    /// <param name="name">The claim name, pre-encoded.</param>
    public void StartArray(JsonEncodedText name)
    {
        if (_json is not null)
        {
            _json.WriteStartArray(name);
        }
        else if (TryStartDirect(name, 1, out var span))
        {
            span[0] = (byte)'[';
            _buffer!.Advance(1);
            _firstItem = true;
            _inArray = true;
        }
    }

    /// <summary>Writes a string item of the array <see cref="StartArray"/> started.</summary>
    /// <param name="value">The item (<see langword="null"/> writes JSON null).</param>
    public void StringValue(string? value)
    {
        if (_json is not null)
        {
            _json.WriteStringValue(value);
        }
        else if (!_inArray && !NeedsJson)
        {
            throw Misuse();
        }
        else if (!NeedsJson && value is not null && IsPlain(value))
        {
            var comma = _firstItem ? 0 : 1;
            var span = _buffer!.GetSpan(value.Length + 3);
            span[0] = (byte)',';
            _firstItem = false;
            WritePlain(span.Slice(comma), value, comma);
        }
        else
        {
            NeedsJson = true;
        }
    }

    /// <summary>Ends the array <see cref="StartArray"/> started.</summary>
    public void EndArray()
    {
        if (_json is not null)
        {
            _json.WriteEndArray();
        }
        else if (!NeedsJson)
        {
            if (!_inArray)
            {
                throw Misuse();
            }

            _buffer!.GetSpan(1)[0] = (byte)']';
            _buffer.Advance(1);
            _inArray = false;
        }
    }

    /// <summary>Writes directly into <paramref name="buffer"/>, after its opening brace.</summary>
    internal void StartDirect(PooledBufferWriter buffer)
    {
        _buffer = buffer;
        _json = null;
        _first = true;
        _inArray = false;
        NeedsJson = false;
    }

    /// <summary>Writes through <paramref name="json"/>, inside the payload object.</summary>
    internal void StartJson(Utf8JsonWriter json)
    {
        _buffer = null;
        _json = json;
    }

    // Printable ASCII but the two characters JSON escapes: written as they are, as Utf8JsonWriter with the relaxed encoder
    // writes them. DEL and control characters are escaped by that writer, so they are not plain.
    private static bool IsPlain(string value)
    {
#if NET
        return value.AsSpan().IndexOfAnyExcept(PlainJsonText.Characters) < 0;
#else
        foreach (var c in value)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                return false;
            }
        }

        return true;
#endif
    }

    // The separator and the name, then room for a value of up to valueLength bytes; false once a value has needed JSON.
    private bool TryStartDirect(JsonEncodedText name, int valueLength, out Span<byte> value)
    {
        if (NeedsJson)
        {
            value = default;
            return false;
        }

        if (_inArray)
        {
            throw Misuse();
        }

        var encoded = name.EncodedUtf8Bytes;
        var comma = _first ? 0 : 1;
        var span = _buffer!.GetSpan(comma + encoded.Length + 3 + valueLength);
        span[0] = (byte)',';
        span[comma] = (byte)'"';
        encoded.CopyTo(span.Slice(comma + 1));
        span[comma + 1 + encoded.Length] = (byte)'"';
        span[comma + 2 + encoded.Length] = (byte)':';
        var nameLength = comma + encoded.Length + 3;
        _buffer.Advance(nameLength);
        _first = false;
        value = span.Slice(nameLength);
        return true;
    }

    private void WritePlain(Span<byte> span, string value, int before = 0)
    {
        span[0] = (byte)'"';
#if NET
        System.Text.Ascii.FromUtf16(value.AsSpan(), span.Slice(1), out _);
#else
        for (var i = 0; i < value.Length; i++)
        {
            span[i + 1] = (byte)value[i];
        }
#endif

        span[value.Length + 1] = (byte)'"';
        _buffer!.Advance(before + value.Length + 2);
    }

    // What Utf8JsonWriter would refuse too: a property inside an array, an item or an array's end outside one.
    internal static InvalidOperationException Misuse() => new(
        "The claims writer must write whole properties of the payload object (a name and its value), and neither close the object nor leave an array or object open.");
}
