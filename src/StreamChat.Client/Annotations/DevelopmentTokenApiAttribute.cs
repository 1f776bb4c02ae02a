using System;

namespace StreamChat.Annotations;

/// <summary>
/// Marks an API that makes or uses development tokens (unsigned, accepted only with auth checks disabled).
/// The StreamChat analyzers warn (SCHAT001) when such an API is used in a release build.
/// Put it on your own wrappers too: calls of the wrapper are then flagged, and its body is not.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Property | AttributeTargets.Constructor, Inherited = false)]
public sealed class DevelopmentTokenApiAttribute : Attribute
{
}
