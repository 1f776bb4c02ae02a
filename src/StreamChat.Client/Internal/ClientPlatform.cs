using System;
#if NET8_0_OR_GREATER
using System.Runtime.Versioning;
#else
using System.Runtime.InteropServices;
#endif

namespace StreamChat.Internal;

/// <summary>
/// Where the client runs, for the calls a browser (Blazor WebAssembly) does not support: it gives WebSocket handshakes no
/// headers of their own, hides a cross-origin response's <c>Date</c>, and has one thread that must never block.
/// </summary>
internal static class ClientPlatform
{
#if NET8_0_OR_GREATER
    /// <summary>Whether this is browser-wasm; the platform analyzer (CA1416) reads the other branch as "not a browser".</summary>
    [SupportedOSPlatformGuard("browser")]
    public static bool IsBrowser => OperatingSystem.IsBrowser();
#else
    /// <summary>Whether this is a browser: netstandard2.0 has no <c>OperatingSystem.IsBrowser</c>, the runtime names it BROWSER.</summary>
    public static bool IsBrowser { get; } = RuntimeInformation.IsOSPlatform(OSPlatform.Create("BROWSER"));
#endif
}
