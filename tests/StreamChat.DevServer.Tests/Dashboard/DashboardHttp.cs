using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>
/// Talks to the dashboard as its page does, over loopback, with every header in the test's hands: no redirects followed,
/// no cookies kept (the session cookie is passed explicitly).
/// </summary>
internal sealed class DashboardHttp(DevServer server) : IDisposable
{
    public const string PageHeader = "X-StreamChat-Dashboard";

    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
    {
        BaseAddress = server.BaseUrl,
        Timeout = HangGuard.Limit,
    };

    // The page secret each session's page holds, by cookie: sent in the dashboard header as the page sends it.
    private readonly Dictionary<string, string> _pageSecrets = new(StringComparer.Ordinal);

    public string CookieName => $"streamchat-dashboard-{server.BaseUrl.Port}";

    /// <summary>
    /// Opens the printed link and returns the session cookie (<c>name=value</c>) it sets; the page secret of the redirect's
    /// fragment is kept and sent with that cookie from then on, as the page does.
    /// </summary>
    public async Task<string> SignInAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, server.DashboardUrl.PathAndQuery, pageHeader: false);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        var cookie = setCookie[..setCookie.IndexOf(';')];
        Remember(cookie, PageSecretOf(response.Headers.Location!.OriginalString));
        return cookie;
    }

    /// <summary>The page secret the link's redirect hands to the page (<c>/dashboard#page=…</c>).</summary>
    public static string PageSecretOf(string location) =>
        location.StartsWith("/dashboard#page=", StringComparison.Ordinal) ? location["/dashboard#page=".Length..] : throw new AssertionException($"No page secret in '{location}'.");

    /// <summary>The page secret kept for a cookie.</summary>
    public string PageSecret(string cookie) => _pageSecrets[cookie];

    /// <summary>Keeps the page secret of a session signed in another way (the API secret).</summary>
    public void Remember(string cookie, string pageSecret) => _pageSecrets[cookie] = pageSecret;

    /// <summary>
    /// A request as the page sends it (the dashboard's header, JSON body), changed by the arguments. <paramref name="headers"/>
    /// adds or replaces headers; the caller disposes the response.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string path,
        string? body = null,
        string? cookie = null,
        bool pageHeader = true,
        IReadOnlyDictionary<string, string>? headers = null,
        string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        if (pageHeader)
        {
            request.Headers.Add(PageHeader, cookie is not null && _pageSecrets.TryGetValue(cookie, out var secret) ? secret : "1");
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(HangGuard.Limit);
    }

    /// <summary>A POST with the page's header and a body given as is (bytes the test chose).</summary>
    public async Task<HttpResponseMessage> SendRawAsync(string path, HttpContent body, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add(PageHeader, PageSecret(cookie));
        return await _http.SendAsync(request).WaitAsync(HangGuard.Limit);
    }

    public void Dispose() => _http.Dispose();
}
