using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Reflection;
using StreamChat.DevServer.Http;

namespace StreamChat.DevServer.Diagnostics;

/// <summary>
/// The dev server's meter: the numbers the dashboard shows (connections, channels, messages, users, refusals by code,
/// slow connections dropped), read from the same state when a collector asks; nothing is counted twice and nothing runs
/// while nobody listens. One meter per server, tagged with its port, disposed with it.
/// </summary>
internal sealed class DevServerMetrics : IDisposable
{
    public const string FanOutSpan = "streamchat.devserver.fan_out";

    public static readonly string Version = ReadVersion();

    /// <summary>The process's activity source: the fan-out of each new message to its watchers.</summary>
    public static readonly ActivitySource Source = new(DevServerTelemetry.Name, Version);

    private readonly Meter _meter;

    public DevServerMetrics(DevServerState state, Uri baseUrl)
    {
        _meter = new Meter(new MeterOptions(DevServerTelemetry.Name) { Version = Version });
        var server = new[]
        {
            new KeyValuePair<string, object?>("server.address", baseUrl.Host),
            new KeyValuePair<string, object?>("server.port", baseUrl.Port),
        };
        var stats = state.Stats;
        _meter.CreateObservableUpDownCounter("streamchat.devserver.connections", () => new Measurement<int>(stats.OpenWebSockets, server), "{connection}", "WebSocket connections open now.");
        _meter.CreateObservableCounter("streamchat.devserver.connects", () => new Measurement<int>(stats.WebSocketConnects, server), "{connection}", "WebSocket connects accepted (the first health.check was sent).");
        _meter.CreateObservableCounter("streamchat.devserver.dropped_connections", () => new Measurement<int>(stats.DroppedConnections, server), "{connection}", "WebSocket connections closed for being slow (send queue full, or a send took longer than SendTimeout).");
        _meter.CreateObservableCounter("streamchat.devserver.requests", () => new Measurement<int>(stats.RestRequests, server), "{request}", "REST requests received.");
        _meter.CreateObservableCounter("streamchat.devserver.server_errors", () => new Measurement<int>(stats.ServerErrors, server), "{error}", "Requests that failed inside the server (a dev server bug when not zero).");
        _meter.CreateObservableCounter("streamchat.devserver.refusals", () => Refusals(stats, server), "{refusal}", "REST answers and WebSocket error frames with a protocol error, by code.");
        _meter.CreateObservableUpDownCounter("streamchat.devserver.channels", () => new Measurement<int>(state.Channels.Count, server), "{channel}", "Channels that exist.");
        _meter.CreateObservableCounter("streamchat.devserver.messages", () => new Measurement<long>(state.Channels.All().Sum(channel => (long)channel.Counts().MessagesPosted), server), "{message}", "Messages posted, over every channel.");
        _meter.CreateObservableUpDownCounter("streamchat.devserver.users", () => new Measurement<int>(state.Users.List(0).Total, server), "{user}", "Users that exist.");
    }

    /// <summary>Starts the span of one message's fan-out (<see langword="null"/> when nobody listens); no text, no user.</summary>
    public static Activity? StartFanOut(string channelType, int watchers)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var activity = Source.StartActivity(FanOutSpan, ActivityKind.Internal);
        activity?.SetTag("streamchat.channel.type", channelType);
        activity?.SetTag("streamchat.devserver.watchers", watchers);
        return activity;
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<int>> Refusals(DevServerStats stats, KeyValuePair<string, object?>[] server) =>
        stats.RejectionCounts().Select(pair => new Measurement<int>(pair.Value, [.. server, new KeyValuePair<string, object?>("streamchat.error.code", (int)pair.Key)]));

    private static string ReadVersion()
    {
        var informational = typeof(DevServerMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
