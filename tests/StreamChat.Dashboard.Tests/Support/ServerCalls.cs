using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.Server;

namespace StreamChat.Dashboard.Tests.Support;

/// <summary>Server-side protocol calls (server token), as a backend makes them, to set up or check what the page shows.</summary>
internal static class ServerCalls
{
    public static Task<JsonObject> GetAppAsync(DevServer.DevServer server, UserTokenIssuer issuer) => SendAsync(server, issuer, HttpMethod.Get, "app", null);

    public static Task<JsonObject> PatchAppAsync(DevServer.DevServer server, UserTokenIssuer issuer, string body) => SendAsync(server, issuer, HttpMethod.Patch, "app", body);

    public static Task<JsonObject> PostAsync(DevServer.DevServer server, UserTokenIssuer issuer, string path, string body) => SendAsync(server, issuer, HttpMethod.Post, path, body);

    private static async Task<JsonObject> SendAsync(DevServer.DevServer server, UserTokenIssuer issuer, HttpMethod method, string path, string? body)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUrl };
        using var request = new HttpRequestMessage(method, $"{path}?api_key={Uri.EscapeDataString(server.ApiKey)}");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        request.Headers.TryAddWithoutValidation("Authorization", issuer.CreateServerToken());
        request.Headers.TryAddWithoutValidation("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request).Guard();
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode, Is.True, text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
