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
internal sealed record Caller(CallerKind Kind, string? UserId, string Role)
{
    public bool IsServer => Kind == CallerKind.Server;

    public bool IsAnonymous => Kind == CallerKind.Anonymous;
}
