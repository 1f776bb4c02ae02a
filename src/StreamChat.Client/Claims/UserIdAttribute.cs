using System;

namespace StreamChat.Claims;

/// <summary>
/// Marks the property of a <see cref="TokenClaimsAttribute"/> record that holds the user id (the <c>user_id</c>
/// claim). Needed only when that property is not named <c>UserId</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class UserIdAttribute : Attribute
{
}
