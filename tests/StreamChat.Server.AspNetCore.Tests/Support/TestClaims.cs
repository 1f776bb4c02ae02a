using StreamChat.Claims;

namespace StreamChat.Server.AspNetCore.Tests.Support;

/// <summary>The claims of the tests' tokens; the generator writes its codec and <see cref="ITokenClaims"/> implementation.</summary>
[TokenClaims]
public partial record TestClaims(string UserId, string Role);
