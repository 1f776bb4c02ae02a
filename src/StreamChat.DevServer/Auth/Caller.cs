using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Auth;

/// <summary>Who made a request: the server (server token), a user (with a role) or an anonymous visitor.</summary>
internal enum CallerKind
{
    Server,
    User,
    Anonymous,
}

/// <summary>The authenticated caller of a request or connection.</summary>
/// <param name="Kind">Server, user or anonymous.</param>
/// <param name="UserId">The user, for users and anonymous visitors that named one; null for the server.</param>
/// <param name="Role">The role permissions are checked against.</param>
/// <param name="DevelopmentToken">The user authenticated with a development token (accepted while auth checks are disabled).</param>
internal sealed record Caller(CallerKind Kind, string? UserId, string Role, bool DevelopmentToken = false)
{
    public bool IsServer => Kind == CallerKind.Server;

    public bool IsAnonymous => Kind == CallerKind.Anonymous;

    /// <summary>How the caller authenticated, as the dashboard shows it: server, anonymous, development, guest or jwt.</summary>
    public string AuthKind => Kind switch
    {
        CallerKind.Server => "server",
        CallerKind.Anonymous => "anonymous",
        _ when DevelopmentToken => "development",
        _ when Role == Roles.Guest => "guest",
        _ => "jwt",
    };
}
