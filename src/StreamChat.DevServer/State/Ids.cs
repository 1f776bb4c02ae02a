using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The hosted service's rules for user and channel ids.</summary>
internal static class Ids
{
    public const int MaxUserIdLength = 255;
    public const int MaxChannelIdLength = 64;
    public const int MaxMessageIdLength = 255;

    public static string CheckUserId(string? id, string path)
    {
        if (string.IsNullOrEmpty(id))
        {
            throw ProtocolException.Input($"{path} is required");
        }

        if (id.Length > MaxUserIdLength || !AllValid(id, static c => c is '@' or '_' or '-'))
        {
            throw ProtocolException.Input($"{path} may only contain letters, digits, @, _ and - (at most {MaxUserIdLength} characters)");
        }

        return id;
    }

    public static string CheckChannelId(string id)
    {
        if (id.Length is 0 or > MaxChannelIdLength || !AllValid(id, static c => c is '_' or '-' or '!'))
        {
            throw ProtocolException.Input($"the channel id may only contain letters, digits, _, - and ! (1 to {MaxChannelIdLength} characters)");
        }

        return id;
    }

    /// <summary>Message ids are free text, but bounded: they are kept and echoed.</summary>
    public static string CheckMessageId(string id) =>
        id.Length <= MaxMessageIdLength ? id : throw ProtocolException.Input($"message.id is longer than {MaxMessageIdLength} characters");

    private static bool AllValid(string id, System.Func<char, bool> allowedSymbol)
    {
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || allowedSymbol(c)))
            {
                return false;
            }
        }

        return true;
    }
}
