using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;

namespace StreamChat.Diagnostics;

/// <summary>Spans and metrics of the token lifecycle: one span per refresh, one per provider call, and the requests that waited.</summary>
internal static class TokenTelemetry
{
    public const string RefreshSpan = "streamchat.token.refresh";
    public const string ProviderCallSpan = "streamchat.token_provider.call";

    // Why a refresh runs (streamchat.token.refresh.reason): the session's first token, code 40, or before exp.
    public const string Initial = "initial";
    public const string Expired = "expired";
    public const string Proactive = "proactive";

    /// <summary>
    /// Starts the span of one refresh (its provider calls are its children), a child of whatever started it: the connect,
    /// the request that met code 40, or nothing for a proactive refresh.
    /// </summary>
    public static Activity? StartRefresh(TokenProviderKind kind, string reason)
    {
        if (!ClientTelemetry.Source.HasListeners())
        {
            return null;
        }

        // A proactive refresh runs on a timer, in the context of whatever scheduled it: it is a trace of its own.
        var activity = reason == Proactive
            ? ClientTelemetry.StartRoot(RefreshSpan, ActivityKind.Internal)
            : ClientTelemetry.Source.StartActivity(RefreshSpan, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.ProviderKind, ClientTelemetry.Name(kind));
        activity?.SetTag(TelemetryNames.RefreshReason, reason);
        return activity;
    }

    /// <summary>Starts measuring one provider call; <see langword="null"/> (nothing to do) when nobody listens.</summary>
    public static ProviderCall? StartProviderCall(TokenProviderKind kind, int attempt, TimeProvider time)
    {
        var activity = ClientTelemetry.Source.HasListeners() ? ClientTelemetry.Source.StartActivity(ProviderCallSpan, ActivityKind.Internal) : null;
        if (activity is null && !ClientTelemetry.ProviderCalls.Enabled && !ClientTelemetry.ProviderDuration.Enabled)
        {
            return null;
        }

        activity?.SetTag(TelemetryNames.ProviderKind, ClientTelemetry.Name(kind));
        activity?.SetTag(TelemetryNames.ProviderAttempt, attempt);
        return new ProviderCall(activity, kind, time);
    }

    /// <summary>
    /// A request that needs the refresh in flight: counted now, its wait timed until the refresh ends (or the request
    /// gives up). Returns <paramref name="wait"/> itself when nobody listens.
    /// </summary>
    public static Task<Token> TrackWait(Task<Token> wait, TokenProviderKind kind, string reason, TimeProvider time)
    {
        if (!ClientTelemetry.TokenWaits.Enabled && !ClientTelemetry.TokenWaitDuration.Enabled)
        {
            return wait;
        }

        var tags = new TagList { { TelemetryNames.ProviderKind, ClientTelemetry.Name(kind) }, { TelemetryNames.RefreshReason, reason } };
        ClientTelemetry.TokenWaits.Add(1, tags);
        return TimeWaitAsync(wait, tags, time, time.GetTimestamp());
    }

    private static async Task<Token> TimeWaitAsync(Task<Token> wait, TagList tags, TimeProvider time, long started)
    {
        try
        {
            return await wait.ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            tags.Add(TelemetryNames.ErrorType, ClientTelemetry.ErrorType(exception));
            throw;
        }
        finally
        {
            ClientTelemetry.TokenWaitDuration.Record(ClientTelemetry.Seconds(time, started), tags);
        }
    }

    /// <summary>One provider call: its span (if traced) and its metrics, ended by exactly one of the End methods.</summary>
    internal sealed class ProviderCall(Activity? activity, TokenProviderKind kind, TimeProvider time)
    {
        private readonly long _started = time.GetTimestamp();

        public void Succeeded() => End(TelemetryNames.Success, null);

        public void Failed(TokenProviderFailure failure, Exception? cause) => End(Outcome(failure), cause);

        public void Cancelled() => End(TelemetryNames.Cancelled, null);

        private static string Outcome(TokenProviderFailure failure) => failure switch
        {
            TokenProviderFailure.TimedOut => "timed_out",
            TokenProviderFailure.SameTokenReturned => "same_token",
            TokenProviderFailure.InvalidToken => "invalid_token",
            _ => "failed",
        };

        private void End(string outcome, Exception? cause)
        {
            var tags = new TagList { { TelemetryNames.ProviderKind, ClientTelemetry.Name(kind) }, { TelemetryNames.ProviderOutcome, outcome } };
            if (cause is not null)
            {
                tags.Add(new KeyValuePair<string, object?>(TelemetryNames.ErrorType, ClientTelemetry.ErrorType(cause)));
            }

            ClientTelemetry.ProviderCalls.Add(1, tags);
            ClientTelemetry.ProviderDuration.Record(ClientTelemetry.Seconds(time, _started), tags);
            if (activity is not null)
            {
                activity.SetTag(TelemetryNames.ProviderOutcome, outcome);
                if (cause is not null)
                {
                    ClientTelemetry.Fail(activity, cause);
                }
                else if (outcome != TelemetryNames.Success)
                {
                    activity.SetStatus(ActivityStatusCode.Error, outcome);
                }

                activity.Dispose();
            }
        }
    }
}
