using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using StreamChat;
using StreamChat.Server.AspNetCore;

namespace Backend;

/// <summary>
/// OpenTelemetry for the backend, behind a switch: <c>Telemetry:Console=true</c> (or <c>Telemetry__Console=true</c> in the
/// environment) prints the token endpoint's spans and metrics to the console, with those of a chat client
/// running in the same process (the quickstart runs both). Swap the console exporter for OTLP in a real app.
/// </summary>
internal static class BackendTelemetry
{
    public const string Switch = "Telemetry:Console";

    public static void AddIfSwitchedOn(IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>(Switch))
        {
            return;
        }

        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing
                .AddSource(ChatTokenEndpointTelemetry.Name, ChatClientTelemetry.Name)
                .AddConsoleExporter())
            .WithMetrics(metrics => metrics
                .AddMeter(ChatTokenEndpointTelemetry.Name, ChatClientTelemetry.Name)
                .AddConsoleExporter());
    }
}
