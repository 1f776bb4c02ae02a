using System;

namespace StreamChat.Channels;

/// <summary>
/// The rules for channel types and ids (ids as the dev server's <c>State/Ids.cs</c>; types the same without <c>!</c>),
/// checked before either becomes part of a request URL, so no value can add a path segment (<c>..</c>, <c>/</c>,
/// <c>%2F</c>), a query or a fragment.
/// </summary>
internal static class ChannelIds
{
    public const int MaxLength = 64;

    /// <summary>Checks a channel type and id, naming the parameter and the rule when one is not allowed.</summary>
    public static void Check(string type, string id)
    {
        Check(type, nameof(type), "channel type", allowBang: false);
        Check(id, nameof(id), "channel id", allowBang: true);
    }

    private static void Check(string value, string parameterName, string what, bool allowBang)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (value.Length is 0 or > MaxLength || !AllAllowed(value, allowBang))
        {
            // The value itself is not echoed: it may be anything, of any length.
            throw new ArgumentException(
                $"The {what} may only contain ASCII letters, digits, '_'{(allowBang ? ", '-' and '!'" : " and '-'")} (1 to {MaxLength} characters).",
                parameterName);
        }
    }

    private static bool AllAllowed(string value, bool allowBang)
    {
        foreach (var c in value)
        {
            var allowed = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' || (allowBang && c == '!');
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }
}
