using StreamChat.Claims;

namespace Backend;

/// <summary>
/// The claims of this app's chat tokens. The backend signs them (MapChatTokenEndpoint) and the client checks every token
/// against them (<c>ChatClaimsTokenProvider.FromEndpoint</c>): share the record between both, as the quickstart does.
/// </summary>
[TokenClaims]
public partial record ChatClaims(string UserId, ChatRole Role);

/// <summary>What a user may do in chat; written into the token as <c>"role":"member"</c> or <c>"moderator"</c>.</summary>
public enum ChatRole
{
    /// <summary>A normal user.</summary>
    Member,

    /// <summary>A user who moderates channels.</summary>
    Moderator,
}
