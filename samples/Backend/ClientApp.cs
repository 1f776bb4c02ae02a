using System;
using System.IO;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;

namespace Backend;

/// <summary>
/// Serves a browser chat app on the backend's own origin, so its login cookie reaches <c>/chat/token</c>: the published
/// <c>samples/BlazorChat</c> (<c>BlazorChat:Root</c>, its <c>wwwroot</c> folder), and <c>GET /chat/config</c>, what the page
/// needs to reach the chat server (its URL, the app's API key and the channel; never the secret).
/// </summary>
public static class ClientApp
{
    /// <summary>The channel the sample page watches.</summary>
    public const string ChannelType = "livestream";

    /// <summary>The channel the sample page watches.</summary>
    public const string ChannelId = "blazorchat";

    /// <summary>Maps <c>GET /chat/config</c>, and serves the app's files when <c>BlazorChat:Root</c> is set.</summary>
    public static void MapClientApp(this WebApplication app)
    {
        var configuration = app.Configuration;
        app.MapGet("/chat/config", () => Results.Json(new ChatConfigAnswer(
            configuration["Chat:BaseUrl"] ?? string.Empty,
            configuration["Chat:ApiKey"] ?? string.Empty,
            ChannelType,
            ChannelId)));

        if (configuration["BlazorChat:Root"] is not { Length: > 0 } root)
        {
            return;
        }

        var full = Path.GetFullPath(root);
        if (!File.Exists(Path.Combine(full, "index.html")))
        {
            throw new InvalidOperationException($"BlazorChat:Root has no index.html ({full}); publish samples/BlazorChat and give its wwwroot folder.");
        }

        var files = new PhysicalFileProvider(full);

        // .wasm is known; the runtime's other files (.dat, .blat, ...) are served as bytes.
        var types = new FileExtensionContentTypeProvider();
        var options = new StaticFileOptions { FileProvider = files, ContentTypeProvider = types, ServeUnknownFileTypes = true, DefaultContentType = "application/octet-stream" };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(options);
        app.MapFallbackToFile("index.html", options);
    }

    private sealed record ChatConfigAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("base_url")] string BaseUrl,
        [property: System.Text.Json.Serialization.JsonPropertyName("api_key")] string ApiKey,
        [property: System.Text.Json.Serialization.JsonPropertyName("channel_type")] string ChannelType,
        [property: System.Text.Json.Serialization.JsonPropertyName("channel_id")] string ChannelId);
}
