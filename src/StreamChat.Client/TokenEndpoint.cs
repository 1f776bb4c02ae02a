using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Http;

namespace StreamChat;

/// <summary>
/// Your backend's token endpoint: <see cref="FetchAsync"/> sends <c>GET</c> and reads <c>{"token":"…","expires_at":"…"}</c>,
/// the answer of StreamChat.Server.AspNetCore's <c>MapChatTokenEndpoint</c>. The <see cref="HttpClient"/> carries the
/// user's login for your backend (a cookie, a bearer token), never anything for the chat server.
/// </summary>
/// <remarks>
/// Give it to <see cref="TokenProvider.FromEndpoint(TokenEndpoint)"/> or to a generated
/// <c>{Record}TokenProvider.FromEndpoint</c>. The endpoint must be https, or http to this machine (<c>localhost</c>,
/// 127.0.0.0/8, <c>[::1]</c>): a token must not cross the network in clear text. Failures are
/// <see cref="TokenEndpointException"/>s whose messages never contain the answer's body or a token; the
/// <c>token</c> is authoritative and <c>expires_at</c> only informative (the client reads <c>exp</c> from the token).
/// </remarks>
public sealed class TokenEndpoint
{
    /// <summary>The largest answer read, in bytes; a larger one is <see cref="TokenEndpointFailure.InvalidResponse"/>.</summary>
    public const int MaxResponseBytes = 64 * 1024;

    private readonly HttpClient? _httpClient;
    private readonly Func<HttpClient>? _createHttpClient;

    /// <summary>An endpoint called with one <see cref="HttpClient"/>.</summary>
    /// <param name="httpClient">Carries the user's login for your backend; a relative <paramref name="endpoint"/> is resolved against its <see cref="HttpClient.BaseAddress"/>.</param>
    /// <param name="endpoint">The endpoint, for example <c>https://your.backend/chat/token</c>.</param>
    /// <exception cref="ArgumentException">The endpoint is plain http to another machine, not http(s), or relative without a base address.</exception>
    public TokenEndpoint(HttpClient httpClient, Uri endpoint)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        Resolve(httpClient.BaseAddress, nameof(endpoint));
    }

    /// <summary>
    /// An endpoint called with a new <see cref="HttpClient"/> from <paramref name="createHttpClient"/> each time, for
    /// <c>IHttpClientFactory</c> (whose clients are cheap and whose handlers rotate).
    /// </summary>
    /// <param name="createHttpClient">Creates the client for one call, for example <c>() =&gt; factory.CreateClient("backend")</c>.</param>
    /// <param name="endpoint">The endpoint; a relative one is resolved against each client's <see cref="HttpClient.BaseAddress"/>.</param>
    /// <exception cref="ArgumentException">The endpoint is absolute and plain http to another machine, or not http(s).</exception>
    public TokenEndpoint(Func<HttpClient> createHttpClient, Uri endpoint)
    {
        _createHttpClient = createHttpClient ?? throw new ArgumentNullException(nameof(createHttpClient));
        Endpoint = endpoint ?? throw new ArgumentNullException(nameof(endpoint));
        if (endpoint.IsAbsoluteUri)
        {
            Resolve(null, nameof(endpoint));
        }
    }

    /// <summary>The endpoint as given (absolute, or relative to the client's base address).</summary>
    public Uri Endpoint { get; }

    /// <summary>Fetches a token for the user the <see cref="HttpClient"/> is logged in as.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The token, parsed (not verified: only the chat server can).</returns>
    /// <exception cref="TokenEndpointException">The endpoint refused, failed, timed out, could not be reached, or did not answer with a token.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<Token> FetchAsync(CancellationToken cancellationToken = default)
    {
        var client = _httpClient ?? _createHttpClient!() ?? throw new InvalidOperationException("The HttpClient factory of the token endpoint returned null.");
        var url = Resolve(client.BaseAddress, nameof(Endpoint));
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");

        // ASP.NET Core's cookie authentication answers such a request with 401 instead of redirecting to a login page.
        request.Headers.TryAddWithoutValidation("X-Requested-With", "XMLHttpRequest");
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw TokenEndpointAnswer.StatusFailure(url, response);
            }

            var body = await BoundedBody.ReadAsync(response.Content, MaxResponseBytes, cancellationToken).ConfigureAwait(false);
            return TokenEndpointAnswer.ReadToken(url, response, body);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TokenEndpointException(
                TokenEndpointFailure.TimedOut,
                null,
                $"The token endpoint {TokenEndpointAnswer.Display(url)} did not answer within HttpClient.Timeout ({client.Timeout}).",
                exception);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            throw new TokenEndpointException(
                TokenEndpointFailure.Unreachable,
                null,
                $"The token endpoint {TokenEndpointAnswer.Display(url)} could not be reached, or the connection broke (see the inner exception); is your backend running?",
                exception);
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"TokenEndpoint({(Endpoint.IsAbsoluteUri ? TokenEndpointAnswer.Display(Endpoint) : Endpoint.OriginalString)})";

    private Uri Resolve(Uri? baseAddress, string parameterName)
    {
        Uri url;
        if (Endpoint.IsAbsoluteUri)
        {
            url = Endpoint;
        }
        else if (baseAddress is null)
        {
            throw new ArgumentException("A relative token endpoint needs HttpClient.BaseAddress; give an absolute URL or set the base address.", parameterName);
        }
        else
        {
            url = new Uri(baseAddress, Endpoint);
        }

        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            throw new ArgumentException($"The token endpoint must be an http(s) URL, not {url.Scheme}.", parameterName);
        }

        if (url.Scheme == Uri.UriSchemeHttp && !TransportSecurity.IsLoopback(url))
        {
            throw new ArgumentException(
                $"The token endpoint uses http:// for '{url.Host}', which is not this machine: the token would cross the network in clear text. " +
                "Use https; plain http is allowed only for localhost, 127.0.0.0/8 and [::1].",
                parameterName);
        }

        return url;
    }
}
