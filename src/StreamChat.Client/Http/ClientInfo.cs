using System.Reflection;

namespace StreamChat.Http;

/// <summary>The <c>X-Stream-Client</c> header value: <c>stream-chat-dotnet-client-{version}</c>.</summary>
internal static class ClientInfo
{
    public const string HeaderName = "X-Stream-Client";

    public static readonly string HeaderValue = "stream-chat-dotnet-client-" + Version();

    private static string Version()
    {
        var informational = typeof(ClientInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
