using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>Writes the claims of a token payload as JSON properties (the enclosing object is written by the caller).</summary>
/// <typeparam name="TState">The value the claims come from.</typeparam>
/// <param name="writer">The writer, positioned inside the payload object.</param>
/// <param name="state">The value the claims come from.</param>
public delegate void JwtClaimsWriter<in TState>(Utf8JsonWriter writer, TState state);
