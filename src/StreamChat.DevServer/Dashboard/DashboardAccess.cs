using System;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using StreamChat.DevServer.Http;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// Who may use the dashboard. A browser gets a session cookie (<c>HttpOnly</c>, <c>SameSite=Strict</c>, <c>Path=/</c>) for the
/// per-start key in the link the server prints, or for the API secret typed into the sign-in form, and the page that signed
/// in gets the session's page secret, which it sends in <see cref="RequestHeader"/>: a cookie reaches every port of
/// 127.0.0.1, so a cookie alone opens nothing. Every call but opening the
/// link must also come from the dashboard's own origin: another origin's page (even another port on 127.0.0.1, which is the
/// same site, so the strict cookie goes along) cannot drive it. The server answers only to loopback host names, so a DNS name
/// rebound to 127.0.0.1 gets nothing either.
/// </summary>
internal sealed class DashboardAccess
{
    /// <summary>The header the dashboard's scripts send on every call: a cross-origin form cannot, and fetch would need a preflight the dashboard never grants.</summary>
    public const string RequestHeader = "X-StreamChat-Dashboard";

    private readonly byte[] _key;

    public DashboardAccess()
    {
        Key = RandomText.Create(32);
        _key = Encoding.UTF8.GetBytes(Key);
    }

    /// <summary>The per-start key of the dashboard link.</summary>
    public string Key { get; }

    public DashboardSessions Sessions { get; } = new();

    public bool IsKey(string? candidate) => candidate is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _key);

    /// <summary>Cookies are per host, not per port: the port in the name keeps two dev servers' sessions apart.</summary>
    public static string CookieName(HttpContext context) => $"streamchat-dashboard-{context.Connection.LocalPort}";

    /// <summary>Whether the request's cookie names a session: the page is served, but its calls need the page secret too.</summary>
    public bool HasSessionCookie(HttpContext context) => Sessions.Exists(SessionId(context));

    /// <summary>Starts a session: sets its cookie and returns the page secret, for the page alone.</summary>
    public string StartSession(HttpContext context)
    {
        var session = Sessions.Create();
        context.Response.Cookies.Append(CookieName(context), session.Id!, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Path = "/",
            IsEssential = true,
        });
        return session.PageSecret!;
    }

    /// <summary>The session a request presents: the cookie's id and the page secret of <see cref="RequestHeader"/>.</summary>
    public static DashboardSession SessionOf(HttpContext context) =>
        new(SessionId(context), SingleValue.Header(context.Request, RequestHeader));

    public void EndSession(HttpContext context)
    {
        Sessions.End(SessionId(context));
        context.Response.Cookies.Delete(CookieName(context), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
    }

    /// <summary>Code 17 unless the request names this machine by a loopback host (127.0.0.1, localhost, [::1]).</summary>
    public static void CheckHost(HttpRequest request)
    {
        var host = request.Host.Host;
        var loopback = string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
        if (!loopback)
        {
            throw ProtocolException.NotAllowed("the dashboard answers only at a loopback address (127.0.0.1, localhost or [::1])");
        }
    }

    /// <summary>
    /// Code 17 unless the call comes from the dashboard's own origin: no cross-origin <c>Origin</c> or <c>Sec-Fetch-Site</c>, and
    /// either <see cref="RequestHeader"/> or <c>Sec-Fetch-Site: same-origin</c>. Both can be forged outside a browser: what
    /// a process that got hold of the cookie lacks is the page secret, which <see cref="CheckSession"/> asks for.
    /// </summary>
    public static void CheckSameOrigin(HttpRequest request)
    {
        var fetchSite = SingleValue.Header(request, "Sec-Fetch-Site");
        var origin = SingleValue.Header(request, "Origin");
        var ownOrigin = $"{request.Scheme}://{request.Host.Value}";
        var crossOrigin = (fetchSite is not null && fetchSite != "same-origin")
            || (origin is not null && !string.Equals(origin, ownOrigin, StringComparison.OrdinalIgnoreCase));
        if (crossOrigin || (fetchSite is null && SingleValue.Header(request, RequestHeader) is null))
        {
            throw ProtocolException.NotAllowed("the dashboard accepts calls only from its own page");
        }
    }

    /// <summary>
    /// Code 5 (HTTP 401) unless the request has a session cookie and, in <see cref="RequestHeader"/>, that session's page
    /// secret: a cookie replayed from outside the page is not enough.
    /// </summary>
    public void CheckSession(HttpContext context)
    {
        if (!Sessions.IsValid(SessionOf(context)))
        {
            throw new ProtocolException(StreamErrorCode.AuthenticationFailed, "sign in to the dashboard first: open the link the dev server printed at start, or enter the API secret (a session belongs to the page that signed in)");
        }
    }

    private static string? SessionId(HttpContext context) => context.Request.Cookies[CookieName(context)];
}
