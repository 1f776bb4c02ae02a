using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace StreamChat.Server.Tests.Differential;

/// <summary>
/// A kind of token our validator refuses and the reference accepts, on purpose. Each has an id that docs/validation.md
/// explains; the differential test fails on a difference outside this list and on an entry that no token shows.
/// </summary>
/// <param name="Id">The id used in docs/validation.md.</param>
/// <param name="Applies">Whether a token is of this kind.</param>
internal sealed record IntentionalDifference(string Id, Func<string, bool> Applies)
{
    public static readonly IReadOnlyList<IntentionalDifference> All =
    [
        new("non-canonical-base64", token => token.Split('.').Any(IsNonCanonical)),
        new("duplicate-header-parameter", token => HeaderJson(token) is { } json && HasDuplicateMember(json)),
        new("crit-header", token => HeaderJson(token) is { } json && json.Contains("\"crit\"", StringComparison.Ordinal)),
        new("header-trailing-data", token => HeaderJson(token) is { } json && HasTrailingData(json)),
    ];

    public override string ToString() => Id;

    private static bool IsNonCanonical(string segment)
    {
        if (segment.IndexOfAny(['=', '+', '/']) >= 0)
        {
            return true;
        }

        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var unused = (segment.Length % 4) switch { 2 => 0x0F, 3 => 0x03, _ => 0 };
        var last = segment.Length == 0 ? -1 : alphabet.IndexOf(segment[^1]);
        return last >= 0 && (last & unused) != 0;
    }

    private static string? HeaderJson(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(token.Split('.')[0]));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool HasDuplicateMember(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var names = document.RootElement.EnumerateObject().Select(p => p.Name).ToList();
            return names.Count != names.Distinct(StringComparer.Ordinal).Count();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    private static bool HasTrailingData(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject && TrySkip(ref reader) && reader.Read();
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static bool TrySkip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }
}
