using System.Reflection;

namespace StreamChat.Http;

/// <summary>The <c>X-Stream-Client</c> header value: <c>stream-chat-dotnet-client-{version}</c>.</summary>
internal static class ClientInfo
{
    public const string HeaderName = "X-Stream-Client";

    /// <summary>The package version (no build metadata); also the version of the client's ActivitySource and Meter.</summary>
    public static readonly string Version = ReadVersion();

    public static readonly string HeaderValue = "stream-chat-dotnet-client-" + Version;

    private static string ReadVersion()
    {
        var informational = typeof(ClientInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
