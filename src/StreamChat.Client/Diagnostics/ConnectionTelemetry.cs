using System;
using System.Diagnostics;

namespace StreamChat.Diagnostics;

/// <summary>Spans and metrics of the WebSocket connection: connect, reconnect attempts, state changes, events and dropped frames.</summary>
internal static class ConnectionTelemetry
{
    public const string ConnectSpan = "streamchat.connect";
    public const string ReconnectSpan = "streamchat.reconnect";

    /// <summary>Starts the span of a connect; the token fetch it needs becomes its child.</summary>
    public static Activity? StartConnect(ChatClientConfig config, TokenProviderKind kind)
    {
        if (!ClientTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = ClientTelemetry.Source.StartActivity(ConnectSpan, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            SetServer(activity, config);
            activity.SetTag(TelemetryNames.ProviderKind, ClientTelemetry.Name(kind));
        }

        return activity;
    }

    /// <summary>
    /// Names the connected user on the span, only when <see cref="ChatClientConfig.TelemetryIncludesUserId"/> allows it
    /// (OpenTelemetry's <c>user.id</c> is personal data: opt-in).
    /// </summary>
    public static void Connected(Activity? activity, ChatClientConfig config, ChatUser user)
    {
        if (activity is not null && config.TelemetryIncludesUserId)
        {
            activity.SetTag(TelemetryNames.UserId, user.Id);
        }
    }

    /// <summary>
    /// Starts one reconnect attempt (its backoff delay included) as a root span: the loop runs in the context the socket
    /// was opened in, and a reconnect hours later is no part of that connect. <see langword="null"/> when nobody listens.
    /// </summary>
    public static ReconnectAttempt? StartReconnect(ChatClientConfig config, int attempt)
    {
        var activity = ClientTelemetry.Source.HasListeners() ? ClientTelemetry.StartRoot(ReconnectSpan, ActivityKind.Client) : null;
        if (activity is null && !ClientTelemetry.ReconnectAttempts.Enabled)
        {
            return null;
        }

        if (activity is { IsAllDataRequested: true })
        {
            SetServer(activity, config);
            activity.SetTag(TelemetryNames.ReconnectAttempt, attempt);
        }

        return new ReconnectAttempt(activity);
    }

    /// <summary>
    /// Counts one WebSocket event by its type (a protocol name such as <c>message.new</c>, never content); a type the
    /// protocol does not name counts as <c>other</c> (<see cref="KnownEventTypes"/>).
    /// </summary>
    public static void EventReceived(string type)
    {
        if (ClientTelemetry.EventsReceived.Enabled)
        {
            ClientTelemetry.EventsReceived.Add(1, new System.Collections.Generic.KeyValuePair<string, object?>(TelemetryNames.EventType, KnownEventTypes.TagValue(type)));
        }
    }

    /// <summary>Counts a dropped WebSocket message: <c>not_json</c>, <c>binary</c> or <c>oversized</c>.</summary>
    public static void FrameDropped(string reason)
    {
        if (ClientTelemetry.FramesDropped.Enabled)
        {
            ClientTelemetry.FramesDropped.Add(1, new System.Collections.Generic.KeyValuePair<string, object?>(TelemetryNames.FrameReason, reason));
        }
    }

    /// <summary>Counts a WebSocket message skipped because it is binary or not JSON.</summary>
    public static void FrameDropped(Realtime.SocketMessageKind kind) => FrameDropped(kind == Realtime.SocketMessageKind.Binary ? "binary" : "not_json");

    internal static void SetServer(Activity activity, ChatClientConfig config)
    {
        var url = config.BaseUrl;
        activity.SetTag(TelemetryNames.ServerAddress, url.Host);
        activity.SetTag(TelemetryNames.ServerPort, url.Port);
    }

    /// <summary>One reconnect attempt, ended once: connected, failed (and retried), gave up, or cancelled.</summary>
    internal sealed class ReconnectAttempt(Activity? activity)
    {
        public void Connected() => End("connected", null);

        public void Failed(Exception exception) => End("failed", exception);

        public void GaveUp(Exception exception) => End("gave_up", exception);

        public void Cancelled() => End(TelemetryNames.Cancelled, null);

        private void End(string outcome, Exception? exception)
        {
            if (ClientTelemetry.ReconnectAttempts.Enabled)
            {
                var tags = new TagList { { TelemetryNames.ReconnectOutcome, outcome } };
                if (exception is not null)
                {
                    tags.Add(TelemetryNames.ErrorType, ClientTelemetry.ErrorType(exception));
                }

                ClientTelemetry.ReconnectAttempts.Add(1, tags);
            }

            if (activity is not null)
            {
                activity.SetTag(TelemetryNames.ReconnectOutcome, outcome);
                if (exception is not null)
                {
                    ClientTelemetry.Fail(activity, exception);
                }

                activity.Dispose();
            }
        }
    }
}
