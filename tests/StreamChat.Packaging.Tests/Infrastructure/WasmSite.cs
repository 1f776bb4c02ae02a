using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using StreamChat.Server;

namespace StreamChat.Packaging.Tests.Infrastructure;

/// <summary>
/// A published Blazor WebAssembly app's <c>wwwroot</c> served on 127.0.0.1 (an ephemeral port) as a user's backend
/// would serve it, with the app's token endpoint on the same origin: <c>GET /token</c> answers
/// <c>{"token":"…","expires_at":"…"}</c> for one user, signed with the chat server's secret.
/// </summary>
internal sealed class WasmSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _tokenCalls;

    private WasmSite(WebApplication app) => _app = app;

    /// <summary>The site's address, ending in a slash.</summary>
    public Uri BaseUrl => new(_app.Urls.Single() + "/");

    /// <summary>How many times the page asked for a token.</summary>
    public int TokenCalls => Volatile.Read(ref _tokenCalls);

    /// <summary>Serves <paramref name="webRoot"/> and a token endpoint that signs tokens for <paramref name="userId"/>.</summary>
    public static async Task<WasmSite> StartAsync(string webRoot, string userId, UserTokenIssuer issuer, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = webRoot });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var site = new WasmSite(app);

        app.MapGet("/token", () =>
        {
            Interlocked.Increment(ref site._tokenCalls);
            var expiresAt = DateTimeOffset.UtcNow.AddHours(1);
            return Results.Json(new { token = issuer.CreateUserToken(userId, expiresAt), expires_at = expiresAt.ToString("O") });
        });

        // The template has no icon and Chromium asks for one anyway (a request Playwright does not report): answered empty,
        // so that the page's only possible console errors are the app's.
        app.MapGet("/favicon.ico", () => Results.NoContent());

        // .wasm is a known type; the runtime's other files (.dat, .blat, …) are served as bytes.
        var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
        var options = new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(options);
        app.MapFallbackToFile("index.html", options);

        await app.StartAsync(cancellationToken);
        return site;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
