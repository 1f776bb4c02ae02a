using System;

namespace StreamChat.Server;

/// <summary>
/// Settings of <see cref="TokenValidator"/>. The validator copies them when it is created and checks them there: changing
/// this object afterwards does not change a validator made from it.
/// </summary>
public sealed class TokenValidatorOptions
{
    /// <summary>The longest <see cref="ClockSkew"/> accepted: five minutes, as <c>JsonWebTokenHandler</c>'s default.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The clock that <c>exp</c>, <c>nbf</c> and <c>iat</c> are checked against. Default: the system clock. Never null.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Leeway for clocks that disagree, applied to <c>exp</c>, <c>nbf</c> and <c>iat</c> (not to the revocation cutoff).
    /// Default: zero; between zero and <see cref="MaxClockSkew"/>.
    /// </summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.Zero;
}
