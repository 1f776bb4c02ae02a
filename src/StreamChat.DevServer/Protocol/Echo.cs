namespace StreamChat.DevServer.Protocol;

/// <summary>Client input quoted in an error message, cut short: a message says what is wrong, it does not replay the request.</summary>
internal static class Echo
{
    public const int MaxLength = 32;

    public static string Short(string text, int maxLength = MaxLength) => text.Length > maxLength ? text[..maxLength] + "…" : text;
}
