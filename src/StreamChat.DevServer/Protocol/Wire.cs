using System;
using System.Globalization;

namespace StreamChat.DevServer.Protocol;

/// <summary>Formats shared by every response.</summary>
internal static class Wire
{
    /// <summary>RFC 3339 in UTC with microseconds, as the hosted service writes timestamps.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan elapsed) =>
        elapsed.TotalMilliseconds.ToString("0.00", CultureInfo.InvariantCulture) + "ms";

    /// <summary>Parses an RFC 3339 time from a request body.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
