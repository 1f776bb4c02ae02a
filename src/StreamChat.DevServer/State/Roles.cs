namespace StreamChat.DevServer.State;

/// <summary>The built-in roles the dev server knows.</summary>
internal static class Roles
{
    public const string User = "user";
    public const string Admin = "admin";
    public const string Guest = "guest";
    public const string Anonymous = "anonymous";

    /// <summary>Roles a server-side upsert may assign.</summary>
    public static bool IsAssignable(string role) => role is User or Admin or Guest;
}
