using StreamChat.Claims;

namespace StreamChat.Backend.Tests;

/// <summary>Claims the sample backend does not issue (it has no <c>team</c>): a client typed with them must refuse its tokens.</summary>
[TokenClaims]
public partial record TeamClaims(string UserId, string Team);
