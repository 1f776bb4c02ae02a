using System;
using System.Text;

namespace StreamChat.Analyzers;

/// <summary>
/// Recognises a JWT in text: three dot-separated base64 segments whose first decodes to a JSON object with an
/// "alg" member. Both base64url and standard base64, padded or not, are accepted (development tokens of other
/// SDKs use the standard alphabet).
/// </summary>
internal static class JwtShape
{
    // Base64 of '{"', the start of every JOSE header written without white space.
    private const string HeaderStart = "eyJ";

    /// <summary>Whether <paramref name="value"/>, apart from surrounding white space, is a JWT.</summary>
    public static bool IsJwt(string value) => IsJwt(value, 0, value.Length);

    /// <summary>Whether <paramref name="text"/> contains a JWT delimited by characters that cannot be part of one.</summary>
    public static bool ContainsJwt(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            while (start < text.Length && !IsTokenChar(text[start]))
            {
                start++;
            }

            var end = start;
            while (end < text.Length && IsTokenChar(text[end]))
            {
                end++;
            }

            if (end > start && IsJwt(text, start, end))
            {
                return true;
            }

            // "key=eyJ…": '=' is a base64 character, so also try from each '{"' header start inside the run.
            var header = start;
            while ((header = IndexOfHeader(text, header + 1, end)) >= 0)
            {
                if (IsJwt(text, header, end))
                {
                    return true;
                }
            }

            start = end;
        }

        return false;
    }

    private static int IndexOfHeader(string text, int from, int end) =>
        from >= end ? -1 : text.IndexOf(HeaderStart, from, end - from, StringComparison.Ordinal);

    private static bool IsJwt(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var firstDot = text.IndexOf('.', start, end - start);
        if (firstDot <= start)
        {
            return false;
        }

        var secondDot = text.IndexOf('.', firstDot + 1, end - firstDot - 1);
        if (secondDot <= firstDot + 1 || text.IndexOf('.', secondDot + 1, end - secondDot - 1) >= 0)
        {
            return false;
        }

        for (var i = start; i < end; i++)
        {
            if (!IsTokenChar(text[i]))
            {
                return false;
            }
        }

        var header = DecodeBase64(text.Substring(start, firstDot - start));
        return header is not null && IsJsonObjectWithAlg(header);
    }

    private static bool IsTokenChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '+' or '/' or '=' or '.';

    private static string? DecodeBase64(string segment)
    {
        var trimmed = segment.TrimEnd('=');
        if (trimmed.Length == 0 || trimmed.IndexOf('=') >= 0 || trimmed.Length % 4 == 1)
        {
            return null;
        }

        var standard = new StringBuilder(trimmed.Length + 3).Append(trimmed).Replace('-', '+').Replace('_', '/');
        standard.Append('=', (4 - (trimmed.Length % 4)) % 4);
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(standard.ToString()));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // A JOSE header is a JSON object; checking its braces and an "alg" member name is enough to tell a JWT from
    // other dotted base64 text (version strings, host names, file names do not decode to that).
    private static bool IsJsonObjectWithAlg(string json)
    {
        var text = json.Trim();
        if (text.Length < 2 || text[0] != '{' || text[text.Length - 1] != '}')
        {
            return false;
        }

        var index = 0;
        while ((index = text.IndexOf("\"alg\"", index, StringComparison.Ordinal)) >= 0)
        {
            var next = index + 5;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next < text.Length && text[next] == ':')
            {
                return true;
            }

            index = next;
        }

        return false;
    }
}
