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

    public string CookieName => $"streamchat-dashboard-{server.BaseUrl.Port}";

    /// <summary>Opens the printed link and returns the session cookie (<c>name=value</c>) it sets.</summary>
    public async Task<string> SignInAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, server.DashboardUrl.PathAndQuery, pageHeader: false);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single();
        return setCookie[..setCookie.IndexOf(';')];
    }

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
            request.Headers.Add(PageHeader, "1");
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
        request.Headers.Add(PageHeader, "1");
        return await _http.SendAsync(request).WaitAsync(HangGuard.Limit);
    }

    public void Dispose() => _http.Dispose();
}
