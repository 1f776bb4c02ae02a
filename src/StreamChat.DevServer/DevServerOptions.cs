using System;
using Microsoft.Extensions.Logging;

namespace StreamChat.DevServer;

/// <summary>Settings of a <see cref="DevServer"/>.</summary>
public sealed partial class DevServerOptions
{
    /// <summary>The TCP port to listen on at 127.0.0.1; 0 (the default) picks a free port.</summary>
    public int Port { get; set; }

    /// <summary>The app's API key; <see langword="null"/> generates a random one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The app's API secret (at least 32 bytes), used to validate tokens and sign guest tokens;
    /// <see langword="null"/> generates 32 random bytes.
    /// </summary>
    public string? ApiSecret { get; set; }

    /// <summary>
    /// The app's "disable auth checks" setting: when on, development tokens (signature <c>devtoken</c>) are accepted;
    /// when off they are refused with code 5. Signed tokens are validated either way.
    /// </summary>
    public bool DisableAuthChecks { get; set; }

    /// <summary>The server's clock: token checks, <c>created_at</c> fields, the HTTP <c>Date</c> header and the WebSocket send timeout.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Where the server logs (request lines without query strings, auth failures by code). Default: no logging.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The largest accepted request body or WebSocket message, in bytes; larger ones get code 4 (HTTP 413). Default: 1 MiB.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
