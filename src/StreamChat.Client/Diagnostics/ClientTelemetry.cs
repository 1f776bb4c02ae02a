using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using StreamChat.Http;

namespace StreamChat.Diagnostics;

/// <summary>
/// The client's activity source and meter, shared by every <see cref="ChatClient"/> of the process (as HttpClient's
/// are). Callers check <see cref="ActivitySource.HasListeners"/> and <see cref="Instrument.Enabled"/> first, so nothing
/// is measured, tagged or allocated while nobody listens.
/// </summary>
internal static class ClientTelemetry
{
    public static readonly ActivitySource Source = new(ChatClientTelemetry.Name, ClientInfo.Version);

    public static readonly Meter Meter = new(ChatClientTelemetry.Name, ClientInfo.Version);

    public static readonly Counter<long> ProviderCalls = Meter.CreateCounter<long>(
        "streamchat.client.token_provider.calls", "{call}", "Token provider calls, by provider kind and outcome.");

    public static readonly Histogram<double> ProviderDuration = Meter.CreateHistogram<double>(
        "streamchat.client.token_provider.duration", "s", "How long one token provider call took.");

    public static readonly Counter<long> TokenWaits = Meter.CreateCounter<long>(
        "streamchat.client.token.waits", "{request}", "Requests (REST or the WebSocket connect) that waited for a token refresh.");

    public static readonly Histogram<double> TokenWaitDuration = Meter.CreateHistogram<double>(
        "streamchat.client.token.wait.duration", "s", "How long a request waited for a token refresh.");

    public static readonly Counter<long> StateChanges = Meter.CreateCounter<long>(
        "streamchat.client.connection.state_changes", "{change}", "Connection state changes, by the state entered.");

    public static readonly Histogram<double> StateDuration = Meter.CreateHistogram<double>(
        "streamchat.client.connection.state.duration", "s", "Time spent in a connection state, recorded when the state is left.");

    public static readonly Counter<long> ReconnectAttempts = Meter.CreateCounter<long>(
        "streamchat.client.reconnect.attempts", "{attempt}", "WebSocket reconnect attempts, by outcome.");

    public static readonly Histogram<double> RestDuration = Meter.CreateHistogram<double>(
        "streamchat.client.rest.duration", "s", "Duration of REST calls (one try each, token refresh retries apart), by operation and outcome.");

    public static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>(
        "streamchat.client.events.received", "{event}", "WebSocket events received, by event type.");

    public static readonly Counter<long> FramesDropped = Meter.CreateCounter<long>(
        "streamchat.client.frames.dropped", "{frame}", "WebSocket messages dropped: not JSON, binary, or larger than the limit (which breaks the connection).");

    /// <summary>Starts a span with no parent (in the calling flow, <see cref="Activity.Current"/> is replaced by it).</summary>
    public static Activity? StartRoot(string name, ActivityKind kind)
    {
        Activity.Current = null;
        return Source.StartActivity(name, kind);
    }

    /// <summary>
    /// Marks <paramref name="activity"/> failed with <paramref name="exception"/>'s type (never its message, which may
    /// name a user). Returns false, so it can sit in an exception filter without catching anything.
    /// </summary>
    public static bool Fail(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            var errorType = ErrorType(exception);
            activity.SetStatus(ActivityStatusCode.Error, errorType);
            activity.SetTag(TelemetryNames.ErrorType, errorType);
            if (exception is ChatApiException api)
            {
                activity.SetTag(TelemetryNames.ErrorCode, api.RawCode);
                activity.SetTag(TelemetryNames.HttpStatusCode, (int)api.StatusCode);
            }
        }

        return false;
    }

    /// <summary>OpenTelemetry's <c>error.type</c>: the exception's full type name (low cardinality, no content).</summary>
    public static string ErrorType(Exception exception) => exception.GetType().FullName ?? "_OTHER";

    public static double Seconds(TimeProvider time, long startTimestamp) => time.GetElapsedTime(startTimestamp).TotalSeconds;

    public static string Name(TokenProviderKind kind) => kind switch
    {
        TokenProviderKind.Static => "static",
        TokenProviderKind.Closure => "closure",
        TokenProviderKind.Development => "development",
        TokenProviderKind.Guest => "guest",
        TokenProviderKind.Anonymous => "anonymous",
        _ => "other",
    };

    public static string Name(ConnectionState state) => state switch
    {
        ConnectionState.Disconnected => "disconnected",
        ConnectionState.Connecting => "connecting",
        ConnectionState.Connected => "connected",
        ConnectionState.Reconnecting => "reconnecting",
        _ => "other",
    };
}
