using System;
using System.Text.RegularExpressions;

namespace StreamChat.Logging;

/// <summary>Removes tokens from text that is logged or put into exception messages.</summary>
internal static class Redaction
{
    public const string Redacted = "[redacted]";

    // A compact JWT: three base64(url) segments, the first starting with the encoding of '{"'.
    private static readonly Regex JwtPattern = new(@"eyJ[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*\.[A-Za-z0-9_\-+/=]*", RegexOptions.CultureInvariant);

    private static readonly Regex AuthorizationParameter = new(@"(?<=[?&]authorization=)[^&#]*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Replaces anything shaped like a JWT with <c>[redacted]</c>.</summary>
    public static string? RedactTokens(string? text) =>
        text is null || text.IndexOf("eyJ", StringComparison.Ordinal) < 0 ? text : JwtPattern.Replace(text, Redacted);

    /// <summary>A URL for logs: the <c>authorization</c> query value and any JWT removed.</summary>
    public static string RedactUrl(Uri url) => RedactUrl(url.OriginalString);

    /// <inheritdoc cref="RedactUrl(Uri)"/>
    public static string RedactUrl(string url) => RedactTokens(AuthorizationParameter.Replace(url, Redacted))!;
}
