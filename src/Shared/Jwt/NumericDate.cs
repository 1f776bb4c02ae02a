using System;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>
/// JWT's NumericDate (RFC 7519 §2): seconds since 1970-01-01T00:00:00Z, whole or fractional. One rule for every reader
/// here (the token parser, the validator, the generated claims code): a date is a number within what
/// <see cref="DateTimeOffset"/> can hold, and a fraction is dropped.
/// </summary>
internal static class NumericDate
{
    /// <summary>0001-01-01T00:00:00Z, the first second <see cref="DateTimeOffset"/> can hold.</summary>
    public const long MinUnixSeconds = -62_135_596_800;

    /// <summary>9999-12-31T23:59:59Z, the last whole second <see cref="DateTimeOffset"/> can hold.</summary>
    public const long MaxUnixSeconds = 253_402_300_799;

    /// <summary>Whether <paramref name="seconds"/> is a date <see cref="DateTimeOffset"/> can hold.</summary>
    public static bool IsInRange(long seconds) => seconds >= MinUnixSeconds && seconds <= MaxUnixSeconds;

    /// <summary>Reads the number the reader is on as whole seconds.</summary>
    /// <param name="reader">The reader, on a <see cref="JsonTokenType.Number"/>.</param>
    /// <param name="seconds">The seconds, a fraction dropped (rounded towards the past).</param>
    /// <returns>Whether the number is a date in range; <see langword="false"/> for one outside it, however large.</returns>
    public static bool TryGetSeconds(ref Utf8JsonReader reader, out long seconds)
    {
        if (reader.TryGetInt64(out seconds))
        {
            return IsInRange(seconds);
        }

        // The range is checked before the fraction is dropped: NaN and infinities fail it too.
        if (reader.TryGetDouble(out var fractional) && fractional >= MinUnixSeconds && fractional <= MaxUnixSeconds)
        {
            seconds = (long)Math.Floor(fractional);
            return true;
        }

        seconds = 0;
        return false;
    }

    /// <summary>Whole seconds since 1970-01-01 of a UTC tick count, as <see cref="DateTimeOffset.ToUnixTimeSeconds"/> counts them.</summary>
    /// <param name="utcTicks">Ticks since 0001-01-01 UTC.</param>
    /// <returns>The seconds.</returns>
    public static long FromUtcTicks(long utcTicks) => (utcTicks / TimeSpan.TicksPerSecond) + MinUnixSeconds;

    /// <summary>Writes a payload property with a NumericDate value: <paramref name="property"/> (the separator, name and colon) and the digits.</summary>
    /// <param name="destination">Where to write; room for the property and 20 more bytes.</param>
    /// <param name="property">The property's bytes up to its value, for example <c>,"iat":</c>.</param>
    /// <param name="seconds">The value.</param>
    /// <returns>The number of bytes written.</returns>
    public static int WriteProperty(Span<byte> destination, ReadOnlySpan<byte> property, long seconds)
    {
        property.CopyTo(destination);
        System.Buffers.Text.Utf8Formatter.TryFormat(seconds, destination.Slice(property.Length), out var digits);
        return property.Length + digits;
    }
}
