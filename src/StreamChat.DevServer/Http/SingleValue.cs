using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.Http;

/// <summary>
/// Reads a query parameter or header that must appear at most once. ASP.NET Core joins repeated values with commas, which
/// would turn <c>api_key=a&amp;api_key=a</c> into a key that is merely wrong; a repeat is refused as code 4 instead.
/// </summary>
internal static class SingleValue
{
    public static string? Query(HttpRequest request, string name) => One(request.Query[name], $"the {name} query parameter");

    public static string? Header(HttpRequest request, string name) => One(request.Headers[name], $"the {name} header");

    private static string? One(StringValues values, string what) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => throw ProtocolException.Input($"{what} is given more than once"),
    };
}
