using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamChat.DevServer.Protocol;

/// <summary>Typed access to request fields; a field of the wrong type is a code 4 error naming the field.</summary>
internal static class JsonFields
{
    public static string? OptionalString(JsonObject? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : throw ProtocolException.Input($"{path} must be a string");
    }

    public static JsonObject? OptionalObject(JsonObject? parent, string name, string path)
    {
        var node = parent?[name];
        return node is null or JsonObject ? (JsonObject?)node : throw ProtocolException.Input($"{path} must be an object");
    }

    public static JsonObject RequiredObject(JsonObject? parent, string name, string path) =>
        OptionalObject(parent, name, path) ?? throw ProtocolException.Input($"{path} is required");

    public static bool OptionalBool(JsonObject? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null)
        {
            return false;
        }

        return node is JsonValue value && value.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? value.GetValue<bool>()
            : throw ProtocolException.Input($"{path} must be a boolean");
    }

    /// <summary>A boolean that must be present (JSON null is not a boolean).</summary>
    public static bool RequiredBool(JsonObject? parent, string name, string path) =>
        parent?[name] is null ? throw ProtocolException.Input($"{path} must be a boolean") : OptionalBool(parent, name, path);

    public static IReadOnlyList<string> OptionalStringList(JsonObject? parent, string name, string path)
    {
        var node = parent?[name];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw ProtocolException.Input($"{path} must be an array of strings");
        }

        var result = new List<string>(array.Count);
        foreach (var item in array)
        {
            result.Add(item is JsonValue value && value.GetValueKind() == JsonValueKind.String && value.GetValue<string>() is { Length: > 0 } text
                ? text
                : throw ProtocolException.Input($"{path} must be an array of non-empty strings"));
        }

        return result;
    }

    /// <summary>
    /// Reads a nullable RFC 3339 time: <paramref name="present"/> is false when the field is absent,
    /// and the result is null when the field is JSON null (which clears a setting).
    /// </summary>
    public static System.DateTimeOffset? OptionalTimestamp(JsonObject parent, string name, string path, out bool present)
    {
        present = parent.TryGetPropertyValue(name, out var node);
        if (!present || node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.String && Wire.TryParseTimestamp(value.GetValue<string>(), out var time)
            ? time
            : throw ProtocolException.Input($"{path} must be an RFC 3339 time or null");
    }
}
