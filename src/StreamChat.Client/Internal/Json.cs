using System;
using System.Globalization;
using System.Text.Json;

namespace StreamChat;

/// <summary>Lenient readers for response fields: a missing or mistyped field is <see langword="null"/>, never an exception.</summary>
internal static class Json
{
    public static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset? Date(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
