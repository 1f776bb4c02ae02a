using System;
using System.Net;

namespace StreamChat.Http;

/// <summary>
/// Which base URLs may carry tokens: https anywhere; plain http (and so ws) only to this machine, unless the caller opts
/// in with <see cref="ChatClientConfig.AllowInsecureTransport"/>, as Azure.Core refuses bearer tokens over http.
/// </summary>
internal static class TransportSecurity
{
    /// <summary>
    /// Whether <paramref name="url"/> names this machine: <c>localhost</c>, 127.0.0.0/8 or <c>[::1]</c> (also IPv4-mapped).
    /// Names under <c>.localhost</c> are not trusted: some resolvers (glibc) send them to DNS, which may answer anything.
    /// </summary>
    public static bool IsLoopback(Uri url)
    {
        switch (url.HostNameType)
        {
            case UriHostNameType.Dns:
                return string.Equals(url.DnsSafeHost, "localhost", StringComparison.OrdinalIgnoreCase);
            case UriHostNameType.IPv4:
            case UriHostNameType.IPv6:
                if (!IPAddress.TryParse(url.DnsSafeHost, out var address))
                {
                    return false;
                }

                if (address.IsIPv4MappedToIPv6)
                {
                    address = address.MapToIPv4();
                }

                return IPAddress.IsLoopback(address);
            default:
                return false;
        }
    }

    /// <summary>Why <paramref name="url"/> would send tokens in clear text, or <see langword="null"/> when it would not.</summary>
    public static string? InsecureTransportProblem(Uri url) =>
        url.Scheme == Uri.UriSchemeHttps || IsLoopback(url)
            ? null
            : $"ChatClientConfig.BaseUrl uses http:// for '{url.Host}', which is not this machine: tokens (and the WebSocket, ws://) " +
              "would cross the network in clear text. Use https, or set ChatClientConfig.AllowInsecureTransport = true " +
              "for a test network you trust. Plain http is allowed without it only for localhost, 127.0.0.0/8 and [::1].";
}
