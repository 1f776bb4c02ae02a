using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.Client.IntegrationTests.Support.Proxy;

/// <summary>An HTTP/1.1 request or response head, parsed just enough for the proxy to decide what to do.</summary>
internal sealed class HttpHead
{
    private const string WebSocketGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private readonly string[] _lines;

    private HttpHead(byte[] raw)
    {
        Raw = raw;
        _lines = Encoding.ASCII.GetString(raw).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }

    public byte[] Raw { get; }

    public string StartLine => _lines.Length > 0 ? _lines[0] : string.Empty;

    public bool IsWebSocketUpgrade => string.Equals(Header("Upgrade"), "websocket", StringComparison.OrdinalIgnoreCase);

    public int ContentLength => int.TryParse(Header("Content-Length"), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0;

    public static HttpHead Parse(byte[] raw) => new(raw);

    public string? Header(string name) => _lines.Skip(1)
        .Select(line => line.Split(':', 2))
        .Where(parts => parts.Length == 2 && string.Equals(parts[0].Trim(), name, StringComparison.OrdinalIgnoreCase))
        .Select(parts => parts[1].Trim())
        .LastOrDefault();

    /// <summary>
    /// The same request asking the server to close after answering: every REST request then has a TCP connection of its
    /// own, so "the next REST request" and "the next connection" are the same thing.
    /// </summary>
    public byte[] WithConnectionClose()
    {
        var kept = _lines.Where(line => !line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Keep-Alive:", StringComparison.OrdinalIgnoreCase));
        return Encoding.ASCII.GetBytes(string.Join("\r\n", kept.Append("Connection: close")) + "\r\n\r\n");
    }

    /// <summary>The <c>101 Switching Protocols</c> a server sends to accept this upgrade request (RFC 6455 §4.2.2).</summary>
    public byte[] AcceptUpgrade()
    {
        var key = Header("Sec-WebSocket-Key") ?? throw new InvalidOperationException("An upgrade request without Sec-WebSocket-Key.");
        var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + WebSocketGuid)));
        return Encoding.ASCII.GetBytes($"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: {accept}\r\n\r\n");
    }

    /// <summary>An error page as a load balancer in front of the chat server sends it: HTML, not the protocol's JSON.</summary>
    public static byte[] LoadBalancerError(int status)
    {
        var reason = status switch
        {
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            504 => "Gateway Time-out",
            _ => "Error",
        };
        var body = $"<html>\r\n<head><title>{status} {reason}</title></head>\r\n<body>\r\n<center><h1>{status} {reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        var head = $"HTTP/1.1 {status} {reason}\r\nServer: nginx\r\nContent-Type: text/html\r\nContent-Length: {Encoding.ASCII.GetByteCount(body)}\r\nConnection: close\r\n\r\n";
        return Encoding.ASCII.GetBytes(head + body);
    }

    public override string ToString() => StartLine;
}
