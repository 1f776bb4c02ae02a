using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// The dashboard's page, scripts and styles: plain files embedded in the assembly (no build step, no CDN: it works offline),
/// read once and served with an ETag.
/// </summary>
internal static class DashboardAssets
{
    private const string ResourcePrefix = "Dashboard/";

    private static readonly Dictionary<string, Asset> Assets = Load();

    /// <summary>Writes the asset named <paramref name="name"/> (<c>dashboard.js</c>); false when there is none.</summary>
    public static async Task<bool> TryWriteAsync(HttpContext context, string name, int statusCode = StatusCodes.Status200OK)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return false;
        }

        var response = context.Response;
        response.Headers.ETag = asset.ETag;
        if (statusCode == StatusCodes.Status200OK && context.Request.Headers.IfNoneMatch == asset.ETag)
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        response.StatusCode = statusCode;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        await response.Body.WriteAsync(asset.Content, context.RequestAborted).ConfigureAwait(false);
        return true;
    }

    private static Dictionary<string, Asset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var content = copy.ToArray();
            var etag = $"\"{Convert.ToHexString(SHA256.HashData(content), 0, 8)}\"";
            assets[resource[ResourcePrefix.Length..]] = new Asset(content, ContentType(resource), etag);
        }

        return assets;
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
