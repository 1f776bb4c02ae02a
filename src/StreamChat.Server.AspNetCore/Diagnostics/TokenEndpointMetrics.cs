using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace StreamChat.Server.AspNetCore.Diagnostics;

/// <summary>
/// The token endpoint's span and instruments. The meter comes from the app's <see cref="IMeterFactory"/>, so each host
/// (and each test server) has its own and disposes it; the activity source is the process's.
/// </summary>
internal sealed class TokenEndpointMetrics
{
    public const string IssueSpan = "streamchat.token_endpoint.issue";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";

    public static readonly string Version = ReadVersion();

    public static readonly ActivitySource Source = new(ChatTokenEndpointTelemetry.Name, Version);

    private readonly Counter<long> _issued;
    private readonly Counter<long> _refusals;
    private readonly Histogram<double> _duration;

    public TokenEndpointMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(new MeterOptions(ChatTokenEndpointTelemetry.Name) { Version = Version });
        _issued = meter.CreateCounter<long>("streamchat.token_endpoint.issued", "{token}", "Chat tokens the endpoint issued.");
        _refusals = meter.CreateCounter<long>("streamchat.token_endpoint.refusals", "{request}", "Token requests refused: 401 (not authenticated) or 403 (not allowed, or the claims callback returned null).");
        _duration = meter.CreateHistogram<double>("streamchat.token_endpoint.duration", "s", "How long the endpoint took to answer (claims callback and signing), by status code.");
    }

    public void Issued(double seconds)
    {
        _issued.Add(1);
        Duration(seconds, 200, null);
    }

    public void Refused(int statusCode, double? seconds)
    {
        _refusals.Add(1, new KeyValuePair<string, object?>(StatusCode, statusCode));
        if (seconds is { } value)
        {
            Duration(value, statusCode, null);
        }
    }

    public void Failed(double seconds, Exception exception) => Duration(seconds, 500, exception);

    private void Duration(double seconds, int statusCode, Exception? exception)
    {
        if (!_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { StatusCode, statusCode } };
        if (exception is not null)
        {
            tags.Add(ErrorType, exception.GetType().FullName);
        }

        _duration.Record(seconds, tags);
    }

    private static string ReadVersion()
    {
        var informational = typeof(TokenEndpointMetrics).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
