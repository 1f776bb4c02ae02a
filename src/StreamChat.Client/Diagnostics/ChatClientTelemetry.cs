namespace StreamChat;

/// <summary>
/// The names of the client's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>,
/// for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>. Both carry the package's version; the spans, instruments
/// and attributes are listed in <c>docs/telemetry.md</c>. No attribute carries a token, the API key or text a user wrote.
/// </summary>
public static class ChatClientTelemetry
{
    /// <summary>The name of the client's activity source and meter: <c>StreamChat.Client</c>.</summary>
    public const string Name = "StreamChat.Client";
}
