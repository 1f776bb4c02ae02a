using System;
using System.Text;
using System.Text.Json;
using StreamChat.Http;
using StreamChat.Internal;

namespace StreamChat.Realtime;

/// <summary>
/// Builds <c>{ws base}/connect?json=…&amp;api_key=…&amp;authorization=…&amp;stream-auth-type=…</c> (docs/devserver.md, "Protocol"), and in a
/// browser <c>&amp;X-Stream-Client=…</c>: a browser's WebSocket cannot send the header, so the client identifies itself in
/// the query, as the official JavaScript client does. The result holds a token: log it only through
/// <see cref="Logging.Redaction.RedactUrl(Uri)"/>.
/// </summary>
internal static class ConnectUrl
{
    /// <summary>A fresh id for an anonymous visitor, as the official JavaScript client makes one per connection.</summary>
    public static string NewAnonymousUserId() => "anon-" + Guid.NewGuid().ToString("N");

    public static Uri Build(ChatClientConfig config, string userId, GuestUser? details, Token? token) =>
        Build(config, userId, details, token, identifyInQuery: ClientPlatform.IsBrowser);

    public static Uri Build(ChatClientConfig config, string userId, GuestUser? details, Token? token, bool identifyInQuery)
    {
        var json = JsonBody.Write((userId, details), static (writer, state) =>
        {
            writer.WriteStartObject();
            writer.WriteString("user_id", state.userId);
            writer.WritePropertyName("user_details");
            if (state.details is not null)
            {
                state.details.WriteTo(writer);
            }
            else
            {
                writer.WriteStartObject();
                writer.WriteString("id", state.userId);
                writer.WriteEndObject();
            }

            writer.WriteBoolean("server_determines_connection_id", true);
            writer.WriteEndObject();
        });

        var baseUrl = config.CheckedBaseUrl;
        var scheme = baseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        var builder = new StringBuilder(scheme).Append("://").Append(baseUrl.Authority);
        builder.Append(baseUrl.AbsolutePath.TrimEnd('/')).Append("/connect?json=").Append(Uri.EscapeDataString(Encoding.UTF8.GetString(json)));
        builder.Append("&api_key=").Append(Uri.EscapeDataString(config.ApiKey));
        if (token is null || token.IsAnonymous)
        {
            builder.Append("&stream-auth-type=anonymous");
        }
        else
        {
            builder.Append("&authorization=").Append(Uri.EscapeDataString(token.RawValue)).Append("&stream-auth-type=jwt");
        }

        if (identifyInQuery)
        {
            builder.Append('&').Append(ClientInfo.HeaderName).Append('=').Append(Uri.EscapeDataString(ClientInfo.HeaderValue));
        }

        return new Uri(builder.ToString());
    }
}
