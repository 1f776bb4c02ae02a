using System.Collections.Generic;
using static StreamChat.DevServer.Tests.Hostile.HostileCase;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>What is particular to one endpoint, the query string, the headers, the path and the method.</summary>
internal static partial class HostileCorpus
{
    private const string Query = "/channels/messaging/general/query?api_key={key}";
    private const string Message = "/channels/messaging/general/message?api_key={key}";
    private const string Valid = "{}";

    private static readonly string Huge = new('x', 60 * 1024);

    private static IEnumerable<HostileCase> Particular()
    {
        // The query string.
        yield return Rest("api_key twice", "POST", "/channels/messaging/general/query?api_key={key}&api_key={key}", UserAuth, Valid);
        yield return Rest("api_key twice on guest", "POST", "/guest?api_key={key}&api_key={key}", AnonymousAuth, "{\"user\":{\"id\":\"g\"}}");
        yield return Rest("no api_key", "POST", "/channels/messaging/general/query", UserAuth, Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);
        yield return Rest("empty api_key", "POST", "/channels/messaging/general/query?api_key=", UserAuth, Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);
        yield return Rest("api_key with a bad percent escape", "POST", "/channels/messaging/general/query?api_key=%ZZ{key}", UserAuth, Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);
        yield return Rest("api_key percent-encoding invalid UTF-8", "POST", "/channels/messaging/general/query?api_key=%C3%28", UserAuth, Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);
        yield return Rest("api_key of 6000 characters", "POST", "/channels/messaging/general/query?api_key=" + new string('k', 6000), UserAuth, Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);
        yield return Rest("connection_id twice", "POST", Query + "&connection_id=a&connection_id=b", UserAuth, "{\"watch\":true}");
        yield return Rest("anonymous user_id twice", "POST", "/channels/livestream/show/query?api_key={key}&user_id=a&user_id=b", AnonymousAuth, Valid);

        // The headers.
        yield return Rest("Authorization twice", "POST", Query, "Authorization: {user}\r\nAuthorization: {user}\r\n", Valid);
        yield return Rest("stream-auth-type twice", "POST", Query, "Authorization: {user}\r\nstream-auth-type: jwt\r\nstream-auth-type: jwt\r\n", Valid);
        yield return Rest("unknown stream-auth-type", "POST", Query, "Authorization: {user}\r\nstream-auth-type: JWT\r\n", Valid);
        yield return Rest("Bearer prefix", "POST", Query, "Authorization: Bearer {user}\r\n", Valid, 401, StreamErrorCode.AuthenticationFailed);
        yield return Rest("garbage token", "POST", Query, "Authorization: a.b.c\r\n", Valid, 401, StreamErrorCode.AuthenticationFailed);
        yield return Rest("token of 8000 characters", "POST", Query, "Authorization: " + new string('e', 8000) + "\r\n", Valid, 401, StreamErrorCode.AuthenticationFailed);
        yield return Rest("token with invalid base64 segments", "POST", Query, "Authorization: e!J.e!J.s!g\r\n", Valid, 401, StreamErrorCode.AuthenticationFailed);
        yield return Rest("token whose payload is invalid UTF-8", "POST", Query, "Authorization: eyJhbGciOiJIUzI1NiJ9.__79.c2ln\r\n", Valid, 401, StreamErrorCode.AuthenticationFailed);
        yield return Rest("jwt without Authorization", "POST", Query, "stream-auth-type: jwt\r\n", Valid, 401, StreamErrorCode.InvalidApiKeyOrMissingAuth);

        // The path.
        yield return Rest("percent-encoded slashes in the channel id", "POST", "/channels/messaging/..%2F..%2Fapp/query?api_key={key}", UserAuth, Valid);
        yield return Rest("percent-encoded slash in the channel type", "POST", "/channels/mess%2Faging/general/query?api_key={key}", UserAuth, Valid);
        yield return Rest("percent-encoded invalid UTF-8 in the channel type", "POST", "/channels/%FF/general/query?api_key={key}", UserAuth, Valid);
        yield return Rest("non-ASCII channel id", "POST", "/channels/messaging/caf%C3%A9/query?api_key={key}", UserAuth, Valid);
        yield return Rest("channel id of 65 characters", "POST", "/channels/messaging/" + new string('c', 65) + "/query?api_key={key}", UserAuth, Valid);
        yield return Rest("dot-dot segments", "POST", "/channels/messaging/../../app?api_key={key}", ServerAuth, Valid, 405);
        yield return Rest("percent-encoded dot-dot segment", "POST", "/channels/messaging/%2E%2E/query?api_key={key}", UserAuth, Valid, 404, StreamErrorCode.NotFound);
        yield return Rest("empty channel id", "POST", "/channels/messaging//query?api_key={key}", UserAuth, Valid, 404, StreamErrorCode.NotFound);
        yield return Rest("extra path segment", "POST", "/channels/messaging/general/query/more?api_key={key}", UserAuth, Valid, 404, StreamErrorCode.NotFound);
        yield return Rest("unknown endpoint", "GET", "/../../etc/passwd?api_key={key}", UserAuth, null, 404, StreamErrorCode.NotFound);

        // The method.
        yield return Rest("GET on guest", "GET", "/guest?api_key={key}", AnonymousAuth, null, 405);
        yield return Rest("PUT on app", "PUT", "/app?api_key={key}", ServerAuth, Valid, 405);
        yield return Rest("DELETE on users", "DELETE", "/users?api_key={key}", ServerAuth, null, 405);
        yield return Rest("GET on message", "GET", Message, UserAuth, null, 405);
        yield return Rest("made-up method", "BREW", Query, UserAuth, Valid, 405);
        yield return Rest("plain GET on connect", "GET", "/connect?api_key={key}", UserAuth, null);
        yield return Rest("POST on connect", "POST", "/connect?api_key={key}", UserAuth, Valid);

        // Bodies that lie about their framing (read by the app, so protocol-shaped).
        yield return Rest("broken chunked encoding", "POST", Query, UserAuth + Json + "Transfer-Encoding: chunked\r\n", "zz\r\n{}\r\n0\r\n\r\n");
        yield return Rest("chunked body over the size cap", "POST", Query, UserAuth + Json + "Transfer-Encoding: chunked\r\n", Chunked(70 * 1024), 413);
        yield return Rest("declared length over the size cap", "POST", Query, UserAuth + Json + "Content-Length: 99999999\r\n", "{}", 413);

        foreach (var particular in EndpointSemantics())
        {
            yield return particular;
        }
    }

    private static IEnumerable<HostileCase> EndpointSemantics()
    {
        const string Guest = "/guest?api_key={key}";
        yield return Rest("guest: empty body", "POST", Guest, AnonymousAuth, null, headers: Json);
        yield return Rest("guest: user is a string", "POST", Guest, AnonymousAuth, "{\"user\":\"visitor\"}");
        yield return Rest("guest: id is a number out of range", "POST", Guest, AnonymousAuth, "{\"user\":{\"id\":1e400}}");
        yield return Rest("guest: id of 256 characters", "POST", Guest, AnonymousAuth, "{\"user\":{\"id\":\"" + new string('g', 256) + "\"}}");
        yield return Rest("guest: id with a slash", "POST", Guest, AnonymousAuth, "{\"user\":{\"id\":\"a/b\"}}");
        yield return Rest("guest: id of an existing user", "POST", Guest, AnonymousAuth, "{\"user\":{\"id\":\"alice\"}}");
        yield return Rest("guest: huge custom field", "POST", Guest, AnonymousAuth, "{\"user\":{\"id\":\"visitor\",\"bio\":\"" + Huge + "\"}}");

        yield return Rest("query: limit out of range", "POST", Query, UserAuth, "{\"messages\":{\"limit\":1e999}}");
        yield return Rest("query: limit past int", "POST", Query, UserAuth, "{\"messages\":{\"limit\":99999999999}}");
        yield return Rest("query: fractional limit", "POST", Query, UserAuth, "{\"messages\":{\"limit\":2.5}}");
        yield return Rest("query: limit as a string", "POST", Query, UserAuth, "{\"messages\":{\"limit\":\"10\"}}");
        yield return Rest("query: connection_id as a number", "POST", Query, UserAuth, "{\"watch\":true,\"connection_id\":5}");
        yield return Rest("query: member is null", "POST", "/channels/messaging/fresh/query?api_key={key}", UserAuth, "{\"data\":{\"members\":[null]}}");
        yield return Rest("query: member that does not exist", "POST", "/channels/messaging/fresh/query?api_key={key}", UserAuth, "{\"data\":{\"members\":[\"ghost\"]}}");
        yield return Rest("query: huge channel data", "POST", "/channels/messaging/fresh/query?api_key={key}", UserAuth, "{\"data\":{\"topic\":\"" + Huge + "\"}}");
        yield return Rest("query: anonymous on messaging", "POST", Query, AnonymousAuth, Valid, 403, StreamErrorCode.NotAllowed);

        yield return Rest("message: empty body", "POST", Message, UserAuth, null, headers: Json);
        yield return Rest("message: text is null", "POST", Message, UserAuth, "{\"message\":{\"text\":null}}");
        yield return Rest("message: text of 60 KB", "POST", Message, UserAuth, "{\"message\":{\"text\":\"" + Huge + "\"}}");
        yield return Rest("message: id as a number", "POST", Message, UserAuth, "{\"message\":{\"text\":\"hi\",\"id\":5}}");
        yield return Rest("message: id of 300 characters", "POST", Message, UserAuth, "{\"message\":{\"text\":\"hi\",\"id\":\"" + new string('m', 300) + "\"}}");
        yield return Rest("message: attachments is an object", "POST", Message, UserAuth, "{\"message\":{\"attachments\":{}}}");
        yield return Rest("message: huge custom field", "POST", Message, UserAuth, "{\"message\":{\"text\":\"hi\",\"extra\":\"" + Huge + "\"}}");
        yield return Rest("message: channel that does not exist", "POST", "/channels/messaging/nowhere/message?api_key={key}", UserAuth, "{\"message\":{\"text\":\"hi\"}}", 404, StreamErrorCode.NotFound);
        yield return Rest("message: anonymous", "POST", Message, AnonymousAuth, "{\"message\":{\"text\":\"hi\"}}", 403, StreamErrorCode.NotAllowed);

        yield return Rest("app: user token", "PATCH", "/app?api_key={key}", UserAuth, Valid, 403, StreamErrorCode.NotAllowed);
        yield return Rest("app: impossible date", "PATCH", "/app?api_key={key}", ServerAuth, "{\"revoke_tokens_issued_before\":\"2026-13-45T99:00:00Z\"}");
        yield return Rest("app: date as an object", "PATCH", "/app?api_key={key}", ServerAuth, "{\"revoke_tokens_issued_before\":{\"$date\":1}}");

        yield return Rest("upsert: users is an array", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":[]}");
        yield return Rest("upsert: id differs from its key", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":{\"a\":{\"id\":\"b\"}}}");
        yield return Rest("upsert: unknown role", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":{\"a\":{\"role\":\"root\"}}}");
        yield return Rest("upsert: key with spaces", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":{\"a b\":{}}}");
        yield return Rest("upsert: key of 60 KB", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":{\"" + Huge + "\":{}}}");
        yield return Rest("query: 3000 members that do not exist", "POST", "/channels/messaging/fresh/query?api_key={key}", UserAuth, "{\"data\":{\"members\":[" + string.Join(",", System.Linq.Enumerable.Repeat("\"ghost\"", 3000)) + "]}}");
        yield return Rest("upsert: huge custom field", "POST", "/users?api_key={key}", ServerAuth, "{\"users\":{\"bob\":{\"bio\":\"" + Huge + "\"}}}");

        yield return Rest("update: users is an object", "PATCH", "/users?api_key={key}", ServerAuth, "{\"users\":{}}");
        yield return Rest("update: set is an array", "PATCH", "/users?api_key={key}", ServerAuth, "{\"users\":[{\"id\":\"bob\",\"set\":[]}]}");
        yield return Rest("update: revocation time is a boolean", "PATCH", "/users?api_key={key}", ServerAuth, "{\"users\":[{\"id\":\"bob\",\"set\":{\"revoke_tokens_issued_before\":true}}]}");

        yield return Rest("revoke: user_ids is a string", "POST", "/users/revoke_tokens?api_key={key}", ServerAuth, "{\"user_ids\":\"bob\",\"revoke_tokens_issued_before\":null}");
        yield return Rest("revoke: empty user id", "POST", "/users/revoke_tokens?api_key={key}", ServerAuth, "{\"user_ids\":[\"\"],\"revoke_tokens_issued_before\":null}");
        yield return Rest("revoke: user id with NUL", "POST", "/users/revoke_tokens?api_key={key}", ServerAuth, "{\"user_ids\":[\"a\\u0000b\"],\"revoke_tokens_issued_before\":null}");
    }

    private static HostileCase Rest(string name, string method, string target, string auth, string? body, int status = 400, StreamErrorCode? code = StreamErrorCode.InputError, string headers = Json) =>
        new(name, method, target, auth + headers, body, status, code);

    private static string Chunked(int size) => $"{size:x}\r\n{{\"a\":\"{new string('a', size - 8)}\"}}\r\n0\r\n\r\n";
}
