using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;

namespace StreamChat.Http;

/// <summary>
/// Sends one REST request as the protocol wants it (<c>api_key</c> query, raw JWT in <c>Authorization</c>,
/// <c>stream-auth-type</c>, <c>X-Stream-Client</c>) and turns error responses into <see cref="ChatApiException"/>.
/// Retrying after a token refresh is the caller's job.
/// </summary>
internal sealed class RestTransport : IDisposable
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly ChatClientConfig _config;
    private readonly ServerClock _clock;
    private readonly ILogger _logger;
    private readonly HttpClient? _ownedClient;

    public RestTransport(ChatClientConfig config, ServerClock clock, ILogger logger)
    {
        _config = config;
        _clock = clock;
        _logger = logger;
        if (config.HttpClient is null && config.HttpClientProvider is null)
        {
            _ownedClient = config.HttpMessageHandler is { } handler
                ? new HttpClient(handler, disposeHandler: false)
                : new HttpClient();
            _ownedClient.Timeout = config.RequestTimeout;
        }
    }

    /// <summary>Sends a request; <paramref name="token"/> null means anonymous (no Authorization header).</summary>
    public async Task<JsonDocument> SendAsync(HttpMethod method, string path, string? extraQuery, byte[]? body, Token? token, CancellationToken cancellationToken)
    {
        var url = BuildUrl(path, extraQuery);
        using var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation(ClientInfo.HeaderName, ClientInfo.HeaderValue);
        if (token is null || token.IsAnonymous)
        {
            request.Headers.TryAddWithoutValidation("stream-auth-type", "anonymous");
        }
        else
        {
            request.Headers.TryAddWithoutValidation("Authorization", token.RawValue);
            request.Headers.TryAddWithoutValidation("stream-auth-type", "jwt");
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = JsonContentType;
        }

        Log.Request(_logger, method.Method, url);
        var client = _config.HttpClientProvider?.Invoke() ?? _config.HttpClient ?? _ownedClient!;

        // The client's own HttpClient enforces RequestTimeout through HttpClient.Timeout; a caller's HttpClient (or one
        // from IHttpClientFactory) has its own Timeout, so RequestTimeout is enforced here too, on the same wall clock.
        using var timeout = ReferenceEquals(client, _ownedClient) || _config.RequestTimeout == Timeout.InfiniteTimeSpan
            ? null
            : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(_config.RequestTimeout);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception)
        {
            throw new ChatConnectionException($"Could not reach the chat server at {url.GetLeftPart(UriPartial.Authority)}; check ChatClientConfig.BaseUrl and the network.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ChatConnectionException($"The chat server did not answer {method.Method} /{path} in time (HttpClient.Timeout, ChatClientConfig.RequestTimeout).", new TimeoutException(exception.Message, exception));
        }

        using (response)
        {
            _clock.Observe(response.Headers.Date);
#if NET8_0_OR_GREATER
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            var bytes = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    return bytes.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(bytes);
                }
                catch (JsonException exception)
                {
                    // A proxy or captive portal answering 200 with HTML lands here; the body is not echoed.
                    throw new ChatConnectionException(
                        $"The answer to {method.Method} /{path} was HTTP {(int)response.StatusCode} but not JSON; check that ChatClientConfig.BaseUrl points at the chat API.",
                        new FormatException(exception.GetType().Name));
                }
            }

            var error = ErrorBody.ToException(bytes, response.StatusCode);
            Log.RequestFailed(_logger, method.Method, url, (int)response.StatusCode, error.RawCode);
            throw error;
        }
    }

    public void Dispose() => _ownedClient?.Dispose();

    private Uri BuildUrl(string path, string? extraQuery)
    {
        var builder = new StringBuilder(_config.CheckedBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/'));
        builder.Append('/').Append(path).Append("?api_key=").Append(Uri.EscapeDataString(_config.ApiKey));
        if (!string.IsNullOrEmpty(extraQuery))
        {
            builder.Append('&').Append(extraQuery);
        }

        return new Uri(builder.ToString());
    }
}
