using System;
using System.Collections.Generic;

namespace StreamChat.DevServer.Http;

/// <summary>
/// The origins browsers may call from: loopback always, plus <see cref="DevServerOptions.CorsOrigins"/>. It drives the CORS
/// headers and also refuses requests and WebSocket upgrades from other origins outright (as ASP.NET Core's
/// <c>WebSocketOptions.AllowedOrigins</c> does), because CORS alone only hides answers: a page could still post a form or
/// open a WebSocket to the dev server.
/// </summary>
internal sealed class OriginPolicy
{
    private readonly HashSet<string> _origins;
    private readonly bool _any;

    private OriginPolicy(HashSet<string> origins, bool any)
    {
        _origins = origins;
        _any = any;
    }

    /// <exception cref="ArgumentException">An entry is neither <c>*</c> nor an http(s) origin.</exception>
    public static OriginPolicy From(IEnumerable<string> configured)
    {
        var origins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var any = false;
        foreach (var entry in configured)
        {
            if (entry == "*")
            {
                any = true;
            }
            else if (Normalize(entry) is { } origin)
            {
                origins.Add(origin);
            }
            else
            {
                throw new ArgumentException("DevServerOptions.CorsOrigins entries must be \"*\" or an origin such as https://app.example:8443 (scheme, host and port only).", "options");
            }
        }

        return new OriginPolicy(origins, any);
    }

    public bool IsAllowed(string origin) =>
        _any || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsWeb(uri) && uri.IsLoopback) || (Normalize(origin) is { } normalized && _origins.Contains(normalized));

    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && IsWeb(uri) && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && !origin.EndsWith('/')
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;

    private static bool IsWeb(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
