using System.Collections.Generic;

namespace StreamChat.DevServer;

/// <summary>Which browser origins may call the dev server.</summary>
public sealed partial class DevServerOptions
{
    /// <summary>
    /// Origins allowed besides loopback ones (<c>http(s)://localhost</c>, <c>127.0.0.1</c> and <c>[::1]</c>, any port, always
    /// allowed), written as <c>scheme://host[:port]</c>; <c>"*"</c> allows every origin. A request or WebSocket connect that
    /// carries any other <c>Origin</c> is refused with code 17 (HTTP 403) and gets no CORS headers. Default: none.
    /// </summary>
    public IList<string> CorsOrigins { get; } = new List<string>();
}
