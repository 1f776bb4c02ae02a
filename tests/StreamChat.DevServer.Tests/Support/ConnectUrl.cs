using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>The path and query of a <c>/connect</c> WebSocket request, as the official clients build it.</summary>
internal static class ConnectUrl
{
    /// <param name="server">The server (for its api key).</param>
    /// <param name="userId">The <c>user_id</c> in the json parameter.</param>
    /// <param name="token">The <c>authorization</c> parameter; null sends none.</param>
    /// <param name="authType">The <c>stream-auth-type</c> parameter.</param>
    /// <param name="userDetails">The <c>user_details</c>; default <c>{"id":userId}</c>.</param>
    /// <param name="apiKey">Empty for the server's key, null for none.</param>
    /// <param name="json">The raw json parameter, replacing the one built from the other arguments.</param>
    public static string Target(DevServer server, string? userId, string? token, string authType = "jwt", JsonObject? userDetails = null, string? apiKey = "", string? json = null)
    {
        var payload = json ?? new JsonObject
        {
            ["user_id"] = userId,
            ["user_details"] = userDetails ?? new JsonObject { ["id"] = userId },
            ["server_determines_connection_id"] = true,
        }.ToJsonString();
        var query = new List<string> { "json=" + Uri.EscapeDataString(payload), "stream-auth-type=" + authType };
        var key = apiKey == string.Empty ? server.ApiKey : apiKey;
        if (key is not null)
        {
            query.Add("api_key=" + Uri.EscapeDataString(key));
        }

        if (token is not null)
        {
            query.Add("authorization=" + Uri.EscapeDataString(token));
        }

        return "/connect?" + string.Join("&", query);
    }
}
