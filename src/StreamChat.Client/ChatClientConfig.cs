using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace StreamChat;

/// <summary>The settings of a <see cref="ChatClient"/>: the app's API key and where and how to connect.</summary>
public sealed class ChatClientConfig
{
    /// <summary>The hosted chat service's API address, used when <see cref="BaseUrl"/> is not set.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://chat.stream-io-api.com");

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    private Uri _baseUrl = DefaultBaseUrl;
    private TimeSpan _requestTimeout = TimeSpan.FromSeconds(30);
    private int _maxResponseBytes = DefaultMaxResponseBytes;
    private TimeSpan _tokenProviderTimeout = TimeSpan.FromSeconds(10);
    private int _maxTokenRefreshAttempts = 3;
    private int _maxTokenProviderAttempts = 4;
    private TimeProvider _timeProvider = TimeProvider.System;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;
    private TimeSpan _tokenProviderRetryBaseDelay = TimeSpan.FromMilliseconds(500);
    private TimeSpan _tokenProviderRetryMaxDelay = TimeSpan.FromSeconds(15);
    private TimeSpan _healthCheckInterval = TimeSpan.FromSeconds(25);
    private TimeSpan _reconnectBaseDelay = TimeSpan.FromSeconds(1);
    private TimeSpan _reconnectMaxDelay = TimeSpan.FromSeconds(30);
    private TimeSpan _proactiveTokenRefreshMargin = TimeSpan.FromMinutes(1);
    private int _maxWebSocketMessageBytes = 4 * 1024 * 1024;

    /// <summary>Creates the settings for the app with the given API key.</summary>
    /// <param name="apiKey">The app's API key (public; not the secret).</param>
    /// <exception cref="ArgumentNullException"><paramref name="apiKey"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty, white space, or has white space around it.</exception>
    public ChatClientConfig(string apiKey)
    {
        if (apiKey is null)
        {
            throw new ArgumentNullException(nameof(apiKey));
        }

        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("The API key is empty. Pass your app's API key from the dashboard (or the dev server's, which it prints at start).", nameof(apiKey));
        }

        if (apiKey.Trim().Length != apiKey.Length)
        {
            throw new ArgumentException("The API key has white space around it; remove it (a stray newline from a config file is a common cause).", nameof(apiKey));
        }

        ApiKey = apiKey;
    }

    /// <summary>The app's API key.</summary>
    public string ApiKey { get; }

    /// <summary>
    /// The chat API's base address; the WebSocket address is derived from it (https → wss, http → ws).
    /// Plain http is for this machine only (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>) unless
    /// <see cref="AllowInsecureTransport"/> is set; the <see cref="ChatClient"/> constructor checks that.
    /// Default: <see cref="DefaultBaseUrl"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute http or https URL, or it has a user name or password in it.</exception>
    public Uri BaseUrl
    {
        get => _baseUrl;
        set
        {
            if (value is null)
            {
                throw new ArgumentNullException(nameof(value), "BaseUrl cannot be null; leave it unset to use the hosted service.");
            }

            // The messages never echo the URL: it may hold credentials.
            if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
            {
                var got = value.IsAbsoluteUri ? $"a '{value.Scheme}' URL" : "a relative URL";
                throw new ArgumentException($"BaseUrl must be an absolute http or https URL such as {DefaultBaseUrl}; got {got}.", nameof(value));
            }

            if (value.UserInfo.Length > 0)
            {
                throw new ArgumentException(
                    "BaseUrl has a user name or password in it (before '@'); it would travel with every request and end up in logs. " +
                    "Remove it: the chat API authenticates with tokens, and a proxy's credentials belong on the HttpClient or its handler.",
                    nameof(value));
            }

            _baseUrl = value;
        }
    }

    /// <summary>
    /// Whether <see cref="BaseUrl"/> may use plain http for a host other than this machine, sending tokens in clear
    /// text. Only for a test network you trust. Default: <see langword="false"/>.
    /// </summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>How long one REST request may take. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        set => _requestTimeout = Positive(value, nameof(RequestTimeout));
    }

    /// <summary>
    /// The largest REST answer the client reads, in bytes. A larger one (by its <c>Content-Length</c>, or once that many
    /// bytes have arrived) fails with <see cref="ChatConnectionException"/> without being buffered. Between 1 KiB and
    /// 1 GiB. Default: <see cref="DefaultMaxResponseBytes"/> (4 MiB, the WebSocket's message limit too).
    /// </summary>
    public int MaxResponseBytes
    {
        get => _maxResponseBytes;
        set => _maxResponseBytes = InRange(value, 1024, 1024 * 1024 * 1024, nameof(MaxResponseBytes));
    }

    /// <summary>How long one call of the token provider may take before it counts as failed. Default: 10 seconds.</summary>
    public TimeSpan TokenProviderTimeout
    {
        get => _tokenProviderTimeout;
        set => _tokenProviderTimeout = Positive(value, nameof(TokenProviderTimeout));
    }

    /// <summary>How many times one request rejected with an expired token is retried after a refresh. Default: 3.</summary>
    public int MaxTokenRefreshAttempts
    {
        get => _maxTokenRefreshAttempts;
        set => _maxTokenRefreshAttempts = InRange(value, 1, 100, nameof(MaxTokenRefreshAttempts));
    }

    /// <summary>How many times a failing token provider is called, with jittered exponential backoff, before requests fail. Default: 4.</summary>
    public int MaxTokenProviderAttempts
    {
        get => _maxTokenProviderAttempts;
        set => _maxTokenProviderAttempts = InRange(value, 1, 100, nameof(MaxTokenProviderAttempts));
    }

    /// <summary>
    /// The first delay between calls of a failing token provider; each further retry doubles it (with jitter: each wait
    /// is between half and all of it), up to <see cref="TokenProviderRetryMaxDelay"/>. It is also the cool-down after a
    /// refresh gave up: requests rejected with the same token meanwhile get the same error without another provider call.
    /// Default: 0.5 seconds.
    /// </summary>
    public TimeSpan TokenProviderRetryBaseDelay
    {
        get => _tokenProviderRetryBaseDelay;
        set => _tokenProviderRetryBaseDelay = NotNegative(value, nameof(TokenProviderRetryBaseDelay));
    }

    /// <summary>The longest delay between calls of a failing token provider. Default: 15 seconds.</summary>
    public TimeSpan TokenProviderRetryMaxDelay
    {
        get => _tokenProviderRetryMaxDelay;
        set => _tokenProviderRetryMaxDelay = NotNegative(value, nameof(TokenProviderRetryMaxDelay));
    }

    /// <summary>
    /// Whether to fetch a new token shortly before the current one expires (judged by the server's clock, learned from
    /// its <c>Date</c> headers), so requests never meet an expired token. Only closure and guest providers refresh.
    /// Default: <see langword="false"/> (refresh when the server rejects the token).
    /// </summary>
    public bool ProactiveTokenRefresh { get; set; }

    /// <summary>
    /// Whether the connect span carries OpenTelemetry's <c>user.id</c> (the connected user's id). A user id is personal
    /// data, which OpenTelemetry's conventions mark as opt-in and which many telemetry backends must not store; no other
    /// span or metric ever carries it. Default: <see langword="false"/>.
    /// </summary>
    public bool TelemetryIncludesUserId { get; set; }

    /// <summary>How long before <c>exp</c> a proactive refresh happens (at most half the token's lifetime). Default: 1 minute.</summary>
    public TimeSpan ProactiveTokenRefreshMargin
    {
        get => _proactiveTokenRefreshMargin;
        set => _proactiveTokenRefreshMargin = NotNegative(value, nameof(ProactiveTokenRefreshMargin));
    }

    /// <summary>
    /// How often the client sends a health check on the WebSocket. When nothing arrives for two intervals the
    /// connection counts as dead and is re-established. Default: 25 seconds (the protocol's value).
    /// </summary>
    public TimeSpan HealthCheckInterval
    {
        get => _healthCheckInterval;
        set => _healthCheckInterval = Positive(value, nameof(HealthCheckInterval));
    }

    /// <summary>The first delay before reconnecting a dropped WebSocket; doubled (with jitter) per failed attempt up to <see cref="ReconnectMaxDelay"/>. Default: 1 second.</summary>
    public TimeSpan ReconnectBaseDelay
    {
        get => _reconnectBaseDelay;
        set => _reconnectBaseDelay = NotNegative(value, nameof(ReconnectBaseDelay));
    }

    /// <summary>The longest delay between reconnect attempts. Default: 30 seconds.</summary>
    public TimeSpan ReconnectMaxDelay
    {
        get => _reconnectMaxDelay;
        set => _reconnectMaxDelay = NotNegative(value, nameof(ReconnectMaxDelay));
    }

    /// <summary>
    /// The largest WebSocket message the client reads. A larger one counts as a broken connection: the socket is dropped
    /// and re-established (while connecting, the attempt fails with <see cref="ChatConnectionException"/>). Default: 4 MiB.
    /// </summary>
    public int MaxWebSocketMessageBytes
    {
        get => _maxWebSocketMessageBytes;
        set => _maxWebSocketMessageBytes = InRange(value, 1024, 256 * 1024 * 1024, nameof(MaxWebSocketMessageBytes));
    }

    /// <summary>
    /// The wall-clock bound of closing a WebSocket: waiting for a send in progress, the close handshake and the server's
    /// answer; past it the socket is aborted. Not on <see cref="TimeProvider"/>: a fake clock must not stall a disconnect.
    /// </summary>
    internal TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>What the WebSocket connects through (net8.0 and later); null: its own handler. A test seam.</summary>
    internal HttpMessageInvoker? WebSocketInvoker { get; set; }

    /// <summary>The HTTP client to use for the whole life of the chat client. When null, the client makes its own.</summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>
    /// Supplies an HTTP client for each request, for example <c>() => factory.CreateClient("chat")</c> with
    /// <c>IHttpClientFactory</c> (so handler rotation keeps working). Takes precedence over <see cref="HttpClient"/>.
    /// </summary>
    public Func<HttpClient>? HttpClientProvider { get; set; }

    /// <summary>The handler for the client's own <see cref="System.Net.Http.HttpClient"/>, when <see cref="HttpClient"/> is null.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    /// <summary>The clock and timers. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set => _timeProvider = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Where logs go. Tokens and secrets are never logged. Default: no logging.</summary>
    public ILoggerFactory LoggerFactory
    {
        get => _loggerFactory;
        set => _loggerFactory = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>
    /// Where <see cref="ChatClient.MessageReceived"/> and <see cref="ChatClient.ConnectionStateChanged"/> are raised: set it to
    /// the app's UI context (for example <see cref="System.Threading.SynchronizationContext.Current"/> on the UI thread of
    /// WPF, WinForms, MAUI or Unity) and every handler runs there, one at a time, in order. Null (the default): on the
    /// thread pool, also one at a time and in order. Read when the client is created.
    /// </summary>
    public System.Threading.SynchronizationContext? SynchronizationContext { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"ChatClientConfig(apiKey: {ApiKey}, baseUrl: {BaseUrl.GetLeftPart(UriPartial.Path)})";

    /// <summary><see cref="BaseUrl"/>, once it is checked to be allowed to carry tokens (see <see cref="AllowInsecureTransport"/>).</summary>
    /// <exception cref="ArgumentException">The URL is plain http to another machine and <see cref="AllowInsecureTransport"/> is not set.</exception>
    internal Uri CheckedBaseUrl
    {
        get
        {
            var url = _baseUrl;
            return AllowInsecureTransport || Http.TransportSecurity.InsecureTransportProblem(url) is not { } problem
                ? url
                : throw new ArgumentException(problem, nameof(BaseUrl));
        }
    }

    private static TimeSpan Positive(TimeSpan value, string name) =>
        value > TimeSpan.Zero || value == System.Threading.Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive (or Timeout.InfiniteTimeSpan).");

    private static TimeSpan NotNegative(TimeSpan value, string name) =>
        value >= TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} cannot be negative.");

    private static int InRange(int value, int min, int max, string name) =>
        value >= min && value <= max
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be between {min} and {max}.");
}
