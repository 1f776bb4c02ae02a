using System;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Endpoints;

/// <summary>The <c>health.check</c> event: the first frame of a connection (with <c>me</c>) and the answer to the client's.</summary>
internal static class HealthCheck
{
    public static JsonObject Create(ClientConnection connection, TimeProvider clock, JsonObject? me)
    {
        var check = new JsonObject
        {
            ["type"] = "health.check",
            ["connection_id"] = connection.Id,
            ["cid"] = "*",
            ["created_at"] = Wire.Timestamp(clock.GetUtcNow()),
        };
        if (me is not null)
        {
            check["me"] = me;
        }

        return check;
    }

    /// <summary>The client sends <c>[{"type":"health.check","client_id":…}]</c>; the bare object is accepted too.</summary>
    public static bool Is(JsonNode? message) => message switch
    {
        JsonArray array => array.Count > 0 && Is(array[0]),
        JsonObject item => item["type"] is JsonValue type && type.ToString() == "health.check",
        _ => false,
    };
}
