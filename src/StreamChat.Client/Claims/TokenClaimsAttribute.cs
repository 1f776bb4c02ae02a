using System;

namespace StreamChat.Claims;

/// <summary>
/// Marks a <c>partial record</c> (class or struct) whose properties are the claims of a user token. The StreamChat
/// source generator adds <c>FromToken</c>, <c>TryFromToken</c>, <c>Sign</c> and <c>ToDevelopmentToken</c> to it and
/// writes a typed provider factory named after it (<c>ChatClaims</c> → <c>ChatClaimsTokenProvider</c>).
/// </summary>
/// <remarks>
/// Each settable property (and each primary-constructor parameter) is a claim, named in snake_case unless
/// <see cref="ClaimAttribute"/> says otherwise. Exactly one <see cref="string"/> property is the user id: the one
/// named <c>UserId</c>, or the one marked <see cref="UserIdAttribute"/>. <c>exp</c>, <c>iat</c> and <c>nbf</c> are
/// written by the generated <c>Sign</c> method and cannot be declared. Problems are reported as SCHAT1xx diagnostics.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false, AllowMultiple = false)]
public sealed class TokenClaimsAttribute : Attribute
{
}
