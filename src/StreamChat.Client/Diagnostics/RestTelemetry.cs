using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading.Tasks;

namespace StreamChat.Diagnostics;

/// <summary>
/// Spans and metrics of REST calls, and the spans of the channel operations above them (query, watch, send). A REST
/// span is named <c>{method} {url.template}</c>; HttpClient's own span nests under it. No URL is recorded: the query
/// carries the API key, and channel ids may name users.
/// </summary>
internal static class RestTelemetry
{
    public const string QuerySpan = "streamchat.query_channel";
    public const string WatchSpan = "streamchat.watch_channel";
    public const string SendSpan = "streamchat.send_message";

    public static bool IsEnabled => ClientTelemetry.Source.HasListeners() || ClientTelemetry.RestDuration.Enabled;

    /// <summary>Starts a channel operation's span (<see cref="QuerySpan"/>, <see cref="WatchSpan"/>, <see cref="SendSpan"/>), tagged with the channel type only.</summary>
    public static Activity? StartChannelOperation(string name, string channelType)
    {
        if (!ClientTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = ClientTelemetry.Source.StartActivity(name, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.ChannelType, channelType);
        return activity;
    }

    /// <summary>Runs one REST call inside its span, and records its duration by operation and outcome.</summary>
    public static async Task<T> TraceAsync<T>(ChatClientConfig config, HttpMethod method, string path, Func<Task<T>> send)
    {
        var template = UrlTemplate(path);
        var activity = ClientTelemetry.Source.HasListeners()
            ? ClientTelemetry.Source.StartActivity(method.Method + " " + template, ActivityKind.Internal)
            : null;
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(TelemetryNames.HttpMethod, method.Method);
            activity.SetTag(TelemetryNames.UrlTemplate, template);
            ConnectionTelemetry.SetServer(activity, config);
        }

        var started = config.TimeProvider.GetTimestamp();
        Exception? failure = null;
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            failure = exception;
            ClientTelemetry.Fail(activity, exception);
            throw;
        }
        finally
        {
            activity?.Dispose();
            if (ClientTelemetry.RestDuration.Enabled)
            {
                var tags = new TagList
                {
                    { TelemetryNames.HttpMethod, method.Method },
                    { TelemetryNames.UrlTemplate, template },
                    { TelemetryNames.ServerAddress, config.BaseUrl.Host },
                    { TelemetryNames.ServerPort, config.BaseUrl.Port },
                };
                if (failure is not null)
                {
                    tags.Add(TelemetryNames.ErrorType, ClientTelemetry.ErrorType(failure));
                    if (failure is ChatApiException api)
                    {
                        tags.Add(TelemetryNames.ErrorCode, api.RawCode);
                        tags.Add(TelemetryNames.HttpStatusCode, (int)api.StatusCode);
                    }
                }

                ClientTelemetry.RestDuration.Record(ClientTelemetry.Seconds(config.TimeProvider, started), tags);
            }
        }
    }

    /// <summary>
    /// The path with its variable parts named: <c>channels/{type}/{id}/query</c>. Channel types and ids never reach a
    /// span name or a metric (unbounded values, and ids may be built from user ids).
    /// </summary>
    public static string UrlTemplate(string path)
    {
        const string Channels = "channels/";
        if (path.StartsWith(Channels, StringComparison.Ordinal))
        {
            var last = path.LastIndexOf('/');
            return last > Channels.Length ? "/channels/{type}/{id}" + path.Substring(last) : "/channels";
        }

        return path.IndexOf('/') < 0 ? "/" + path : "/_OTHER";
    }
}
