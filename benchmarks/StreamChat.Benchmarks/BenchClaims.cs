using StreamChat.Claims;

namespace StreamChat.Benchmarks;

/// <summary>The same claims the handlers sign (user_id; iat and exp come from the generated Sign).</summary>
[TokenClaims]
public partial record BenchClaims(string UserId);
