using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace StreamChat;

/// <summary>Writes the plain values users put in custom data as JSON without reflection (trimming- and AOT-safe).</summary>
internal static class JsonValueWriter
{
    public static void EnsureSupported(object? value, string path, string parameterName)
    {
        switch (value)
        {
            case null or string or bool or int or long or short or byte or uint or ulong or float or double or decimal or JsonElement:
                return;
            case IEnumerable<KeyValuePair<string, object?>> map:
                foreach (var pair in map)
                {
                    EnsureSupported(pair.Value, $"{path}[\"{pair.Key}\"]", parameterName);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    EnsureSupported(item, $"{path}[{index++}]", parameterName);
                }

                return;
            default:
                throw new ArgumentException(
                    $"{path} is a {value.GetType().Name}; custom data may hold only strings, booleans, numbers, JsonElement, lists and string-keyed dictionaries of those.",
                    parameterName);
        }
    }

    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case short sh: writer.WriteNumberValue(sh); break;
            case byte by: writer.WriteNumberValue(by); break;
            case uint ui: writer.WriteNumberValue(ui); break;
            case ulong ul: writer.WriteNumberValue(ul); break;
            case float f: writer.WriteNumberValue(f); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case JsonElement element: element.WriteTo(writer); break;
            case IEnumerable<KeyValuePair<string, object?>> map:
                writer.WriteStartObject();
                foreach (var pair in map)
                {
                    writer.WritePropertyName(pair.Key);
                    Write(writer, pair.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture, "Values of type {0} cannot be sent as custom data.", value.GetType().Name));
        }
    }
}
