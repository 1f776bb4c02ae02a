using System;

namespace StreamChat.Claims;

/// <summary>
/// Gives a claim its name in the token, instead of the snake_case form of the property name. On an enum member,
/// gives the string the member is written as.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter | AttributeTargets.Field, Inherited = false, AllowMultiple = false)]
public sealed class ClaimAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The claim name as it appears in the token payload, for example <c>role</c>.</param>
    public ClaimAttribute(string name) => Name = name;

    /// <summary>The claim name as it appears in the token payload.</summary>
    public string Name { get; }
}
