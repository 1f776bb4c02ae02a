using System;

namespace StreamChat.Server;

/// <summary>Settings of <see cref="TokenValidator"/>.</summary>
public sealed class TokenValidatorOptions
{
    /// <summary>The clock that <c>exp</c>, <c>nbf</c> and <c>iat</c> are checked against. Default: the system clock.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Leeway for clocks that disagree, applied to <c>exp</c>, <c>nbf</c> and <c>iat</c>. Default: zero.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.Zero;
}
