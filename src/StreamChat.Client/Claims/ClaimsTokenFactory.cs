using System;
using System.ComponentModel;
using System.Text.Json;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>
/// Makes development tokens and providers for the code the StreamChat generator writes into
/// <see cref="TokenClaimsAttribute"/> records. Not meant to be called directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ClaimsTokenFactory
{
    /// <summary>
    /// Makes an unsigned development token whose payload holds the claims <paramref name="writeClaims"/> writes.
    /// The chat server accepts it only when the app's auth checks are disabled.
    /// </summary>
    /// <typeparam name="TState">The value the claims come from.</typeparam>
    /// <param name="state">The value the claims come from.</param>
    /// <param name="writeClaims">Writes the claims as JSON properties; it must write <c>user_id</c>.</param>
    /// <returns>The development token.</returns>
    [DevelopmentTokenApi]
    public static Token CreateDevelopmentToken<TState>(TState state, JwtClaimsWriter<TState> writeClaims)
    {
        if (writeClaims is null)
        {
            throw new ArgumentNullException(nameof(writeClaims));
        }

        return DevelopmentToken.Create(state, writeClaims);
    }

    /// <summary>A claim name encoded as the payload writer escapes it (for <see cref="ClaimTable.Name"/>).</summary>
    /// <param name="name">The claim name.</param>
    /// <returns>The encoded name.</returns>
    internal static JsonEncodedText EncodeClaimName(string name) => JsonEncodedText.Encode(name, RelaxedJson.WriterOptions.Encoder);

    /// <summary>A development-token provider (kind <see cref="TokenProviderKind.Development"/>) for a token with any claims.</summary>
    /// <param name="developmentToken">A token made by <see cref="CreateDevelopmentToken{TState}"/>.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentException">The token is not a development token or has no user id.</exception>
    [DevelopmentTokenApi]
    public static TokenProvider DevelopmentProvider(Token developmentToken)
    {
        if (developmentToken is null)
        {
            throw new ArgumentNullException(nameof(developmentToken));
        }

        if (!developmentToken.IsDevelopment || developmentToken.UserId is null)
        {
            throw new ArgumentException("Only a development token with a user id can back a development provider.", nameof(developmentToken));
        }

        return new TokenProvider.DevelopmentProvider(developmentToken);
    }
}
