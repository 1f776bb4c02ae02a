namespace StreamChat.Diagnostics;

/// <summary>
/// Attribute names. OpenTelemetry's own where a convention fits (<c>error.type</c>, <c>server.*</c>, <c>http.*</c>,
/// <c>url.template</c>, <c>user.id</c>); the chat-specific ones under <c>streamchat.</c>.
/// </summary>
internal static class TelemetryNames
{
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string HttpMethod = "http.request.method";
    public const string HttpStatusCode = "http.response.status_code";
    public const string UrlTemplate = "url.template";
    public const string UserId = "user.id";

    public const string ErrorCode = "streamchat.error.code";
    public const string ProviderKind = "streamchat.token_provider.kind";
    public const string ProviderOutcome = "streamchat.token_provider.outcome";
    public const string ProviderAttempt = "streamchat.token_provider.attempt";
    public const string RefreshReason = "streamchat.token.refresh.reason";
    public const string ConnectionState = "streamchat.connection.state";
    public const string PreviousState = "streamchat.connection.previous_state";
    public const string ReconnectAttempt = "streamchat.reconnect.attempt";
    public const string ReconnectOutcome = "streamchat.reconnect.outcome";
    public const string ChannelType = "streamchat.channel.type";
    public const string EventType = "streamchat.event.type";
    public const string FrameReason = "streamchat.frame.reason";

    public const string Success = "success";
    public const string Cancelled = "cancelled";
}
