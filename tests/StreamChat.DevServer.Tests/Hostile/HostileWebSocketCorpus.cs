using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>A malformed <c>/connect</c> query (placeholders as in <see cref="HostileCase"/>) and the error frame it must get.</summary>
public sealed record HostileConnect(string Name, string Query, StreamErrorCode Code, int Status)
{
    public override string ToString() => Name;
}

/// <summary>
/// What a connected client may send that the protocol has no use for, and the server's answer: a close status, or
/// <see langword="null"/> when the frame is ignored and the connection goes on. <paramref name="BestEffort"/> marks
/// violations the framework's WebSocket finds itself: it sends its close frame and aborts at once, so the frame may be
/// lost with the connection; the connection must end either way.
/// </summary>
public sealed record HostileFrame(string Name, Func<RawWebSocket, Task> Send, int? CloseStatus, bool BestEffort = false)
{
    public override string ToString() => Name;
}

/// <summary>The WebSocket half of the hostile corpus.</summary>
internal static class HostileWebSocketCorpus
{
    private const string Alice = "authorization={user}&stream-auth-type=jwt&api_key={key}";

    public static IEnumerable<HostileConnect> Connects()
    {
        var json = "json=" + Encode("""{"user_id":"alice"}""");
        yield return new("no api_key", $"{json}&authorization={{user}}&stream-auth-type=jwt", StreamErrorCode.InvalidApiKeyOrMissingAuth, 401);
        yield return new("api_key twice", $"{json}&{Alice}&api_key={{key}}", StreamErrorCode.InputError, 400);
        yield return new("no json", Alice, StreamErrorCode.InputError, 400);
        yield return new("json twice", $"{json}&{json}&{Alice}", StreamErrorCode.InputError, 400);
        yield return new("json with percent-encoded invalid UTF-8", $"json=%7B%22user_id%22%3A%C3%28%7D&{Alice}", StreamErrorCode.InputError, 400);
        yield return new("json with duplicate keys", Json("""{"user_id":"alice","user_id":"alice"}"""), StreamErrorCode.InputError, 400);
        yield return new("json nested 40 deep", Json("""{"user_id":"alice","user_details":{"x":""" + new string('[', 40) + new string(']', 40) + "}}"), StreamErrorCode.InputError, 400);
        yield return new("json with a lone surrogate escape", Json("""{"user_id":"alice","user_details":{"x":"\ud800"}}"""), StreamErrorCode.InputError, 400);
        yield return new("json is an array", Json("[]"), StreamErrorCode.InputError, 400);
        yield return new("json is null", Json("null"), StreamErrorCode.InputError, 400);
        yield return new("json truncated", Json("""{"user_id":"""), StreamErrorCode.InputError, 400);
        yield return new("user_details is a string", Json("""{"user_id":"alice","user_details":"alice"}"""), StreamErrorCode.InputError, 400);
        yield return new("user_details over the custom data cap", Json("""{"user_id":"alice","user_details":{"bio":" """ + new string('b', 6000) + "\"}}"), StreamErrorCode.InputError, 400);
        yield return new("server token naming a user id of 300 characters", "json=" + Encode("{\"user_id\":\"" + new string('u', 300) + "\"}") + "&authorization={server}&stream-auth-type=jwt&api_key={key}", StreamErrorCode.InputError, 400);
        yield return new("authorization twice", $"{json}&{Alice}&authorization={{user}}", StreamErrorCode.InputError, 400);
        yield return new("stream-auth-type twice", $"{json}&{Alice}&stream-auth-type=jwt", StreamErrorCode.InputError, 400);
        yield return new("unknown stream-auth-type", $"{json}&authorization={{user}}&stream-auth-type=basic&api_key={{key}}", StreamErrorCode.InputError, 400);
        yield return new("anonymous user_id with a slash", "json=" + Encode("""{"user_id":"a/b"}""") + "&stream-auth-type=anonymous&api_key={key}", StreamErrorCode.InputError, 400);
        yield return new("garbage token", $"{json}&authorization=a.b.c&stream-auth-type=jwt&api_key={{key}}", StreamErrorCode.AuthenticationFailed, 401);
    }

    public static IEnumerable<HostileFrame> Frames()
    {
        yield return new("binary frame", s => s.SendFrameAsync(RawWebSocket.Binary, [1, 2, 3]), 1003);
        yield return new("invalid UTF-8 text", s => s.SendFrameAsync(RawWebSocket.Text, [0x5B, 0xC3, 0x28, 0x5D]), 1007, BestEffort: true);
        yield return new("UTF-8 encoded surrogate in text", s => s.SendFrameAsync(RawWebSocket.Text, [0x22, 0xED, 0xA0, 0x80, 0x22]), 1007, BestEffort: true);
        yield return new("text over the size cap", s => s.SendTextAsync(new string('x', 65 * 1024)), 1009);
        yield return new("fragments adding up over the size cap", FragmentsAsync, 1009);
        yield return new("unmasked frame", UnmaskedAsync, 1002, BestEffort: true);
        yield return new("reserved opcode", s => s.SendFrameAsync(0x3, "[]"u8.ToArray()), 1002, BestEffort: true);
        yield return new("reserved bit set", s => s.SendFrameAsync(RawWebSocket.Text, "[]"u8.ToArray(), rsv: 0x4), 1002, BestEffort: true);
        yield return new("fragmented ping", s => s.SendFrameAsync(RawWebSocket.Ping, [1], fin: false), 1002, BestEffort: true);
        yield return new("continuation without a first fragment", s => s.SendFrameAsync(0x0, "[]"u8.ToArray()), 1002, BestEffort: true);
        yield return new("ping payload over 125 bytes", s => s.SendFrameAsync(RawWebSocket.Ping, new byte[200]), 1002, BestEffort: true);
        yield return new("text with duplicate keys", s => s.SendTextAsync("""[{"type":"health.check","type":"x"}]"""), null);
        yield return new("text with a lone surrogate escape", s => s.SendTextAsync("""{"type":"\ud800"}"""), null);
        yield return new("text nested 100 deep", s => s.SendTextAsync(new string('[', 100) + new string(']', 100)), null);
        yield return new("text that is not JSON", s => s.SendTextAsync("health.check"), null);
        yield return new("JSON null", s => s.SendTextAsync("null"), null);
        yield return new("empty array", s => s.SendTextAsync("[]"), null);
        yield return new("health check with a type of the wrong kind", s => s.SendTextAsync("""[{"type":1e999}]"""), null);
    }

    // The server reads on after an unmasked header; the next frame makes the violation visible whatever it reads.
    private static async Task UnmaskedAsync(RawWebSocket socket)
    {
        await socket.SendFrameAsync(RawWebSocket.Text, "[]"u8.ToArray(), masked: false);
        await socket.SendTextAsync("""[{"type":"health.check"}]""");
    }

    private static async Task FragmentsAsync(RawWebSocket socket)
    {
        var chunk = Encoding.ASCII.GetBytes(new string('x', 16 * 1024));
        await socket.SendFrameAsync(RawWebSocket.Text, chunk, fin: false);
        foreach (var _ in Enumerable.Range(0, 4))
        {
            await socket.SendFrameAsync(0x0, chunk, fin: false);
        }
    }

    private static string Json(string json) => "json=" + Encode(json) + "&" + Alice;

    private static string Encode(string text) => Uri.EscapeDataString(text);
}
