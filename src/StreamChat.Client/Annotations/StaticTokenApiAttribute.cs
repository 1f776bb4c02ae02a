using System;

namespace StreamChat.Annotations;

/// <summary>
/// Marks an API that uses one fixed token which is never refreshed.
/// The StreamChat analyzers warn (SCHAT002) when such an API is used in a release build.
/// Put it on your own wrappers too: calls of the wrapper are then flagged, and its body is not.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = false)]
public sealed class StaticTokenApiAttribute : Attribute
{
}
