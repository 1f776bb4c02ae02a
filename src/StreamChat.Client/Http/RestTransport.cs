using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Diagnostics;
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
    public Task<JsonDocument> SendAsync(HttpMethod method, string path, string? extraQuery, byte[]? body, Token? token, CancellationToken cancellationToken) =>
        RestTelemetry.IsEnabled
            ? SendTracedAsync(method, path, extraQuery, body, token, cancellationToken)
            : SendUntracedAsync(method, path, extraQuery, body, token, cancellationToken);

    public void Dispose() => _ownedClient?.Dispose();

    // Its own method, so the closure is allocated only when someone listens.
    private Task<JsonDocument> SendTracedAsync(HttpMethod method, string path, string? extraQuery, byte[]? body, Token? token, CancellationToken cancellationToken) =>
        RestTelemetry.TraceAsync(_config, method, path, () => SendUntracedAsync(method, path, extraQuery, body, token, cancellationToken));

    private async Task<JsonDocument> SendUntracedAsync(HttpMethod method, string path, string? extraQuery, byte[]? body, Token? token, CancellationToken cancellationToken)
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

        // The body is read after SendAsync returns (ResponseHeadersRead, so its size can be bounded while reading), which
        // HttpClient.Timeout does not cover; RequestTimeout bounds headers and body together, on the same wall clock.
        using var timeout = _config.RequestTimeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(_config.RequestTimeout);
        var deadline = timeout?.Token ?? cancellationToken;
        HttpResponseMessage? response = null;
        ArraySegment<byte>? answer;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline).ConfigureAwait(false);
            _clock.Observe(response.Headers.Date);
            answer = await BoundedBody.ReadAsync(response.Content, _config.MaxResponseBytes, deadline).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            response?.Dispose();
            throw new ChatConnectionException($"Could not reach the chat server at {url.GetLeftPart(UriPartial.Authority)}, or the connection broke during its answer; check ChatClientConfig.BaseUrl and the network.", exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new ChatConnectionException($"The chat server did not answer {method.Method} /{path} in time (HttpClient.Timeout, ChatClientConfig.RequestTimeout).", new TimeoutException(exception.Message, exception));
        }
        catch
        {
            response?.Dispose();
            throw;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (answer is not { } bytes)
            {
                // Disposing the response drops the connection with the rest of the body unread.
                throw new ChatConnectionException(
                    $"The answer to {method.Method} /{path} (HTTP {status}) is larger than ChatClientConfig.MaxResponseBytes ({_config.MaxResponseBytes} bytes). " +
                    "Check that ChatClientConfig.BaseUrl points at the chat API, or raise the limit if the server is meant to answer that much.");
            }

            if (response.IsSuccessStatusCode)
            {
                return ParseObject(bytes, method, path, status);
            }

            var error = ErrorBodyReader.ToException(bytes.AsSpan(), response.StatusCode);
            Log.RequestFailed(_logger, method.Method, url, status, error.RawCode);
            throw error;
        }
    }

    private static JsonDocument ParseObject(ArraySegment<byte> bytes, HttpMethod method, string path, int status)
    {
        JsonDocument document;
        try
        {
            document = bytes.Count == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(bytes.AsMemory());
        }
        catch (JsonException exception)
        {
            // A proxy or captive portal answering 200 with HTML lands here; the body is not echoed.
            throw new ChatConnectionException(
                $"The answer to {method.Method} /{path} was HTTP {status} but not JSON; check that ChatClientConfig.BaseUrl points at the chat API.",
                new FormatException(exception.GetType().Name));
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new ChatConnectionException(
                $"The answer to {method.Method} /{path} was HTTP {status} and JSON, but a {Describe(kind)} where the chat API answers with an object; check that ChatClientConfig.BaseUrl points at the chat API.");
        }

        return document;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

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
