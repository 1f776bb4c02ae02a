using System.Collections.Generic;
using System.Linq;
using static StreamChat.DevServer.Tests.Hostile.HostileCase;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// Requests Kestrel refuses before the app runs, with its own plain 4xx and no protocol body: it offers no hook to shape
/// them. They are in the corpus for the other half of the promise: never a 5xx, and the server serves on.
/// </summary>
internal static partial class HostileCorpus
{
    private static IEnumerable<HostileCase> Transport()
    {
        const string Target = "/channels/messaging/general/query?api_key={key}";
        yield return new("transport: header block over 32 KiB", "POST", Target, UserAuth + Json + "X-Padding: " + new string('p', 40 * 1024) + "\r\n", "{}", 431, null);
        yield return new("transport: 120 headers", "POST", Target, UserAuth + Json + string.Concat(Enumerable.Range(0, 120).Select(i => $"X-H{i}: v\r\n")), "{}", 431, null);
        yield return new("transport: request line over 32 KiB", "POST", Target + "&pad=" + new string('q', 40 * 1024), UserAuth + Json, "{}", 414, null);
        yield return new("transport: raw non-ASCII byte in the path", "POST", "/channels/messaging/gen\u00E9ral/query?api_key={key}", UserAuth + Json, "{}", 400, null);
        yield return new("transport: percent-encoded NUL in the path", "POST", "/channels/messaging/general%00/query?api_key={key}", UserAuth + Json, "{}", 400, null);
        yield return new("transport: non-ASCII byte in a header value", "POST", Target, "Authorization: abc\u00FFdef\r\n" + Json, "{}", 400, null);
        yield return new("transport: header without a colon", "POST", Target, UserAuth + Json + "NoColonHere\r\n", "{}", 400, null);
    }
}
