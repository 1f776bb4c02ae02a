using System;

namespace StreamChat.DevServer.State;

/// <summary>What the dashboard shows of a user.</summary>
/// <param name="Id">The user id.</param>
/// <param name="Role">The user's role.</param>
/// <param name="CreatedAt">When the user was created.</param>
/// <param name="LastSeen">When the user last authenticated or closed a connection; null if never.</param>
/// <param name="RevokedBefore">The user's own token revocation cutoff, if set.</param>
internal sealed record UserSummary(string Id, string Role, DateTimeOffset CreatedAt, DateTimeOffset? LastSeen, DateTimeOffset? RevokedBefore);
