using System;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace StreamChat.DevServer.Protocol;

/// <summary>
/// The one JSON parser for client input (REST bodies, the WebSocket's <c>json</c> query, WebSocket frames). System.Text.Json
/// reads strings lazily: invalid UTF-8 or a lone surrogate escape would only throw when an endpoint reads the field (a 500),
/// and duplicate property names throw or not depending on the path taken. Here every such input is refused up front, the
/// same way every time: invalid UTF-8, duplicate property names, nesting deeper than <see cref="MaxDepth"/>, and
/// <c>\u</c> escapes that leave a lone surrogate.
/// </summary>
internal static class StrictJson
{
    /// <summary>
    /// Half the 64 that JSON readers (System.Text.Json included) accept by default: request data comes back nested up to three
    /// levels deeper in responses and events, which must stay readable by any client.
    /// </summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>Parses <paramref name="utf8"/>; on failure <paramref name="problem"/> completes "the … " in an error message.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out JsonNode? node, [NotNullWhen(false)] out string? problem)
    {
        node = null;
        if (!Utf8.IsValid(utf8))
        {
            problem = "is not valid UTF-8";
            return false;
        }

        try
        {
            // With duplicate checks on, the parser itself unescapes property names and may throw InvalidOperationException.
            node = JsonNode.Parse(utf8, nodeOptions: null, Options);
            ReadEveryString(node);
        }
        catch (JsonException)
        {
            node = null;
            problem = $"is not valid JSON (a syntax error, a duplicate property name, or nesting deeper than {MaxDepth})";
            return false;
        }
        catch (InvalidOperationException)
        {
            node = null;
            problem = "has a \\u escape that leaves a lone surrogate";
            return false;
        }

        problem = null;
        return true;
    }

    // Materializes every property name and reads every string once, so nothing throws later.
    private static void ReadEveryString(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject item:
                foreach (var (_, value) in item)
                {
                    ReadEveryString(value);
                }

                break;
            case JsonArray array:
                foreach (var value in array)
                {
                    ReadEveryString(value);
                }

                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                _ = value.GetValue<string>();
                break;
        }
    }
}
