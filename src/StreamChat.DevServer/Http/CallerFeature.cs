using Microsoft.AspNetCore.Http;
using StreamChat.DevServer.Auth;

namespace StreamChat.DevServer.Http;

/// <summary>Carries the authenticated caller from the auth middleware to the endpoints.</summary>
internal static class CallerFeature
{
    private static readonly object Key = new();

    public static void Set(HttpContext context, Caller caller) => context.Items[Key] = caller;

    public static Caller Get(HttpContext context) =>
        context.Items.TryGetValue(Key, out var caller) && caller is Caller known
            ? known
            : throw new System.InvalidOperationException("The endpoint ran without the auth middleware.");
}
