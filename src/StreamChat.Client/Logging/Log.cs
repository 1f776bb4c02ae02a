using System;
using Microsoft.Extensions.Logging;

namespace StreamChat.Logging;

/// <summary>
/// Every log message of the client. Arguments are ids, codes, counts, redacted URLs and <see cref="Token.ToString"/>
/// (which never shows the token): nothing here can leak a credential.
/// </summary>
internal static partial class Log
{
    private static readonly Action<ILogger, string, string, Exception?> ConnectingMessage =
        LoggerMessage.Define<string, string>(LogLevel.Debug, new EventId(1, "Connecting"), "Connecting user {UserId} to {Url}");

    private static readonly Action<ILogger, string, string, Exception?> ConnectedMessage =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(2, "Connected"), "Connected user {UserId} with connection id {ConnectionId}");

    private static readonly Action<ILogger, int, Exception?> ConnectRejectedMessage =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(3, "ConnectRejected"), "The chat server rejected the WebSocket connection with error code {Code}");

    private static readonly Action<ILogger, DisconnectReason, Exception?> DisconnectedMessage =
        LoggerMessage.Define<DisconnectReason>(LogLevel.Information, new EventId(4, "Disconnected"), "Disconnected ({Reason})");

    private static readonly Action<ILogger, string, string, Exception?> RequestMessage =
        LoggerMessage.Define<string, string>(LogLevel.Trace, new EventId(5, "Request"), "{Method} {Url}");

    private static readonly Action<ILogger, string, string, int, int, Exception?> RequestFailedMessage =
        LoggerMessage.Define<string, string, int, int>(LogLevel.Debug, new EventId(6, "RequestFailed"), "{Method} {Url} failed with HTTP {StatusCode}, error code {Code}");

    private static readonly Action<ILogger, TokenProviderKind, Token?, Exception?> RefreshStartedMessage =
        LoggerMessage.Define<TokenProviderKind, Token?>(LogLevel.Debug, new EventId(7, "TokenRefreshStarted"), "Fetching a token from the {Kind} provider (replacing {Token})");

    private static readonly Action<ILogger, Token, Exception?> RefreshedMessage =
        LoggerMessage.Define<Token>(LogLevel.Debug, new EventId(8, "TokenRefreshed"), "Got {Token}");

    private static readonly Action<ILogger, int, int, Exception?> ProviderAttemptFailedMessage =
        LoggerMessage.Define<int, int>(LogLevel.Warning, new EventId(9, "TokenProviderAttemptFailed"), "Token provider attempt {Attempt} of {MaxAttempts} failed");

    private static readonly Action<ILogger, int, Exception?> SameTokenMessage =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(10, "TokenProviderReturnedRejectedToken"), "Token provider attempt {Attempt} returned the token the server had just rejected; it will not be used");

    private static readonly Action<ILogger, TimeSpan, Exception?> ProactiveScheduledMessage =
        LoggerMessage.Define<TimeSpan>(LogLevel.Debug, new EventId(11, "ProactiveRefreshScheduled"), "Token refresh scheduled in {Delay} (server clock)");

    private static readonly Action<ILogger, TimeSpan, Exception?> ServerClockMessage =
        LoggerMessage.Define<TimeSpan>(LogLevel.Debug, new EventId(12, "ServerClockOffset"), "The server clock is {Offset} ahead of this device's clock");

    private static readonly Action<ILogger, Exception?> ConnectionDroppedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(13, "ConnectionDropped"), "The WebSocket connection dropped");

    private static readonly Action<ILogger, int, TimeSpan, Exception?> ReconnectingMessage =
        LoggerMessage.Define<int, TimeSpan>(LogLevel.Information, new EventId(14, "Reconnecting"), "Reconnect attempt {Attempt} in {Delay}");

    private static readonly Action<ILogger, Exception?> ReconnectGaveUpMessage =
        LoggerMessage.Define(LogLevel.Error, new EventId(15, "ReconnectGaveUp"), "Reconnecting failed with an error retrying cannot fix");

    private static readonly Action<ILogger, string, Exception?> EventMessage =
        LoggerMessage.Define<string>(LogLevel.Trace, new EventId(16, "Event"), "Received event {Type}");

    private static readonly Action<ILogger, Exception?> HealthCheckSentMessage =
        LoggerMessage.Define(LogLevel.Trace, new EventId(17, "HealthCheckSent"), "Sent health check");

    private static readonly Action<ILogger, Exception?> HandlerFailedMessage =
        LoggerMessage.Define(LogLevel.Error, new EventId(18, "EventHandlerFailed"), "An event handler threw");

    private static readonly Action<ILogger, Exception?> ProactiveRefreshFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(19, "ProactiveRefreshFailed"), "Proactive token refresh failed; the current token stays in use until the server rejects it");

    private static readonly Action<ILogger, TimeSpan, Exception?> HealthCheckTimeoutMessage =
        LoggerMessage.Define<TimeSpan>(LogLevel.Warning, new EventId(20, "HealthCheckTimeout"), "Nothing received for {Elapsed}; dropping the connection");

    private static readonly Action<ILogger, string, Exception?> RewatchFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Warning, new EventId(21, "RewatchFailed"), "Could not watch {Cid} again after reconnecting; its events will be missing");

    private static readonly Action<ILogger, int, Exception?> ReconnectAttemptFailedMessage =
        LoggerMessage.Define<int>(LogLevel.Warning, new EventId(22, "ReconnectAttemptFailed"), "Reconnect attempt {Attempt} failed; trying again after a backoff");

    private static readonly Action<ILogger, string, long, Exception?> MessageSkippedMessage =
        LoggerMessage.Define<string, long>(LogLevel.Warning, new EventId(23, "MessageSkipped"), "Skipped a WebSocket message the protocol does not send ({Kind}, {Length} bytes)");

    private static readonly Action<ILogger, Exception?> CloseAbortedMessage =
        LoggerMessage.Define(LogLevel.Debug, new EventId(24, "CloseAborted"), "The WebSocket close handshake did not finish; the socket was aborted");

    private static readonly Action<ILogger, Exception?> SessionCloseFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(25, "SessionCloseFailed"), "A background task of the closed session failed");

    public static void RewatchFailed(ILogger logger, string cid, Exception exception) => RewatchFailedMessage(logger, cid, exception);

    public static void ReconnectAttemptFailed(ILogger logger, int attempt, Exception exception) => ReconnectAttemptFailedMessage(logger, attempt, exception);

    public static void MessageSkipped(ILogger logger, Realtime.SocketMessageKind kind, long length) => MessageSkippedMessage(logger, kind.ToString(), length, null);

    public static void CloseAborted(ILogger logger, Exception exception) => CloseAbortedMessage(logger, exception);

    public static void SessionCloseFailed(ILogger logger, Exception exception) => SessionCloseFailedMessage(logger, exception);

    public static void Connecting(ILogger logger, string userId, Uri url) => ConnectingMessage(logger, userId, Redaction.RedactUrl(url), null);

    public static void Connected(ILogger logger, string userId, string connectionId) => ConnectedMessage(logger, userId, connectionId, null);

    public static void ConnectRejected(ILogger logger, int code) => ConnectRejectedMessage(logger, code, null);

    public static void Disconnected(ILogger logger, DisconnectReason reason) => DisconnectedMessage(logger, reason, null);

    public static void Request(ILogger logger, string method, Uri url)
    {
        if (logger.IsEnabled(LogLevel.Trace))
        {
            RequestMessage(logger, method, Redaction.RedactUrl(url), null);
        }
    }

    public static void RequestFailed(ILogger logger, string method, Uri url, int status, int code) =>
        RequestFailedMessage(logger, method, Redaction.RedactUrl(url), status, code, null);

    public static void RefreshStarted(ILogger logger, TokenProviderKind kind, Token? replacing) => RefreshStartedMessage(logger, kind, replacing, null);

    public static void Refreshed(ILogger logger, Token token) => RefreshedMessage(logger, token, null);

    public static void ProviderAttemptFailed(ILogger logger, int attempt, int maxAttempts, Exception exception) =>
        ProviderAttemptFailedMessage(logger, attempt, maxAttempts, exception);

    public static void SameTokenReturned(ILogger logger, int attempt) => SameTokenMessage(logger, attempt, null);

    public static void ProactiveRefreshScheduled(ILogger logger, TimeSpan delay) => ProactiveScheduledMessage(logger, delay, null);

    public static void ServerClockOffset(ILogger logger, TimeSpan offset) => ServerClockMessage(logger, offset, null);

    public static void ConnectionDropped(ILogger logger, Exception? exception) => ConnectionDroppedMessage(logger, exception);

    public static void Reconnecting(ILogger logger, int attempt, TimeSpan delay) => ReconnectingMessage(logger, attempt, delay, null);

    public static void ReconnectGaveUp(ILogger logger, Exception exception) => ReconnectGaveUpMessage(logger, exception);

    public static void Event(ILogger logger, string type) => EventMessage(logger, type, null);

    public static void HealthCheckSent(ILogger logger) => HealthCheckSentMessage(logger, null);

    public static void HandlerFailed(ILogger logger, Exception exception) => HandlerFailedMessage(logger, exception);

    public static void ProactiveRefreshFailed(ILogger logger, Exception exception) => ProactiveRefreshFailedMessage(logger, exception);

    public static void HealthCheckTimeout(ILogger logger, TimeSpan elapsed) => HealthCheckTimeoutMessage(logger, elapsed, null);
}
