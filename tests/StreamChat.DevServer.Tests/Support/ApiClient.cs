using System;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>Speaks the REST protocol to a dev server over loopback, as a client SDK would.</summary>
internal sealed class ApiClient(DevServer server) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Sends a request. <paramref name="token"/> null with auth type anonymous sends no Authorization header.</summary>
    public async Task<ApiResponse> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string? token = null,
        string? authType = "jwt",
        string? apiKey = "",
        string? query = null)
    {
        var key = apiKey == string.Empty ? server.ApiKey : apiKey;
        var uri = path + (key is null ? "?" : $"?api_key={Uri.EscapeDataString(key)}&") + query;
        using var request = new HttpRequestMessage(method, uri);
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", token);
        }

        if (authType is not null)
        {
            request.Headers.Add("stream-auth-type", authType);
        }

        request.Headers.Add("X-Stream-Client", "streamchat-net-tests-0.1.0");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) as JsonObject ?? throw new AssertionException($"Not a JSON object: {text}");
        return new ApiResponse(response.StatusCode, json, response);
    }

    public Task<ApiResponse> PostAsync(string path, string? body, string? token, string? authType = "jwt") =>
        SendAsync(HttpMethod.Post, path, body, token, authType);

    public Task<ApiResponse> AnonymousPostAsync(string path, string? body) =>
        SendAsync(HttpMethod.Post, path, body, token: null, authType: "anonymous");

    public void Dispose() => _http.Dispose();
}
