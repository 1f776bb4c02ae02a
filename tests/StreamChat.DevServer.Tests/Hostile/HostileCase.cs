using System.Text;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// One malformed REST request and the answer it must get. Text is Latin-1 (one char, one byte), so cases can carry
/// invalid UTF-8. Placeholders: <c>{key}</c> (api key), <c>{user}</c> (alice's token), <c>{server}</c> (a server token).
/// </summary>
/// <param name="Name">Unique, for the test name.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Target">Path and query.</param>
/// <param name="Headers">Header lines, each ending in CRLF; Host, Connection and Content-Length are added.</param>
/// <param name="Body">The body, or null for none.</param>
/// <param name="Status">The HTTP status expected.</param>
/// <param name="Code">The protocol code expected; null where Kestrel answers before the app runs (no protocol body).</param>
public sealed record HostileCase(string Name, string Method, string Target, string Headers, string? Body, int Status, StreamErrorCode? Code)
{
    public const string Json = "Content-Type: application/json\r\n";
    public const string UserAuth = "Authorization: {user}\r\nstream-auth-type: jwt\r\n";
    public const string ServerAuth = "Authorization: {server}\r\nstream-auth-type: jwt\r\n";
    public const string AnonymousAuth = "stream-auth-type: anonymous\r\n";

    public byte[] ToBytes(string apiKey, string userToken, string serverToken)
    {
        string Fill(string text) => text.Replace("{key}", apiKey).Replace("{user}", userToken).Replace("{server}", serverToken);
        var head = new StringBuilder($"{Method} {Fill(Target)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{Fill(Headers)}");
        var framed = Headers.Contains("Transfer-Encoding", System.StringComparison.OrdinalIgnoreCase) || Headers.Contains("Content-Length", System.StringComparison.OrdinalIgnoreCase);
        if (Body is not null && !framed)
        {
            head.Append($"Content-Length: {Body.Length}\r\n");
        }

        return Encoding.Latin1.GetBytes(head.Append("\r\n").Append(Body).ToString());
    }

    public override string ToString() => Name;
}
