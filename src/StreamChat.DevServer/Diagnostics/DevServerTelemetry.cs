namespace StreamChat.DevServer;

/// <summary>
/// The name of the dev server's <see cref="System.Diagnostics.ActivitySource"/> and
/// <see cref="System.Diagnostics.Metrics.Meter"/>, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>: the
/// dashboard's numbers as metrics. The instruments are listed in <c>docs/telemetry.md</c>.
/// </summary>
public static class DevServerTelemetry
{
    /// <summary>The name of the dev server's activity source and meter: <c>StreamChat.DevServer</c>.</summary>
    public const string Name = "StreamChat.DevServer";
}
