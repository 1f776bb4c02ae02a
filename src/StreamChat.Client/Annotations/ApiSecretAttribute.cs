using System;

namespace StreamChat.Annotations;

/// <summary>
/// Marks a parameter that takes the API secret. The StreamChat analyzers warn (SCHAT004) when a literal
/// or constant is passed to it: a secret belongs in configuration, not in source.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
public sealed class ApiSecretAttribute : Attribute
{
}
