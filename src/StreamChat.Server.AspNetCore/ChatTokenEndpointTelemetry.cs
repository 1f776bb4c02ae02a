namespace StreamChat.Server.AspNetCore;

/// <summary>
/// The name of the token endpoint's <see cref="System.Diagnostics.ActivitySource"/> and
/// <see cref="System.Diagnostics.Metrics.Meter"/>, for OpenTelemetry's <c>AddSource</c> and <c>AddMeter</c>. Both carry
/// the package's version; the instruments are listed in <c>docs/telemetry.md</c>. No attribute carries a token, the
/// secret or a user id.
/// </summary>
public static class ChatTokenEndpointTelemetry
{
    /// <summary>The name of the endpoint's activity source and meter: <c>StreamChat.Server.AspNetCore</c>.</summary>
    public const string Name = "StreamChat.Server.AspNetCore";
}
