using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>
/// Sends bytes exactly as given over a loopback TCP socket and reads the HTTP/1.1 answer, for requests HttpClient refuses
/// to send (invalid bytes in the request line or headers, duplicate headers, broken chunking, oversized heads).
/// </summary>
internal static class RawHttp
{
    /// <summary>Request text as Latin-1, so each char below 256 is one byte on the wire (invalid UTF-8 included).</summary>
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static async Task<RawHttpResponse> SendAsync(DevServer server, byte[] request)
    {
        using var guard = HangGuard.Start();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, server.BaseUrl.Port), guard.Token);
        try
        {
            await socket.SendAsync(request, SocketFlags.None, guard.Token);
        }
        catch (SocketException)
        {
            // The server answered and closed before reading everything (an oversized header): read what it said.
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None, guard.Token)) > 0)
            {
                received.Write(buffer, 0, read);
            }
        }
        catch (SocketException) when (received.Length > 0)
        {
            // A reset after the answer arrived.
        }

        return RawHttpResponse.Parse(received.ToArray());
    }
}

/// <summary>A parsed HTTP/1.1 answer: status, headers (lower-case names) and the de-chunked body.</summary>
internal sealed record RawHttpResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;

    public static RawHttpResponse Parse(byte[] raw)
    {
        var text = Encoding.Latin1.GetString(raw);
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (!text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) || headerEnd < 0)
        {
            throw new AssertionException($"Not an HTTP/1.1 response ({raw.Length} bytes): {text[..Math.Min(text.Length, 200)]}");
        }

        var lines = text[..headerEnd].Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines[1..])
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = raw.AsSpan(headerEnd + 4).ToArray();
        return new RawHttpResponse(status, headers, headers.TryGetValue("transfer-encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase) ? Dechunk(body) : body);
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var body = new MemoryStream();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8) + position;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, position, lineEnd - position).Split(';')[0], 16);
            if (size == 0)
            {
                return body.ToArray();
            }

            body.Write(chunked, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
    }
}
