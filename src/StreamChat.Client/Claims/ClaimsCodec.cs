using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>
/// How a claims record is read from and written to a token payload: the part of a <see cref="TokenClaimsAttribute"/>
/// record's codec that depends on its shape, which the StreamChat generator writes as a struct nested in the record
/// (<c>StreamChatFormat</c>). Not meant to be implemented by hand.
/// </summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IClaimsFormat<TClaims>
    where TClaims : ITokenClaims
{
    /// <summary>Reads the record from <paramref name="token"/>'s payload.</summary>
    /// <param name="token">The token.</param>
    /// <param name="claims">The claims, or the default value when they do not fit.</param>
    /// <returns><see langword="null"/> when the claims fit, else the error naming the claim.</returns>
    TokenFormatException? Read(Token token, out TClaims? claims);

    /// <summary>Writes the record's claims as properties of the payload object.</summary>
    /// <param name="writer">The writer, inside the payload object.</param>
    /// <param name="claims">The claims.</param>
    void Write(ClaimsWriter writer, TClaims claims);
}

/// <summary>
/// Everything a <see cref="TokenClaimsAttribute"/> record does that does not depend on its shape, for the members the
/// StreamChat generator adds to the record: the record's <typeparamref name="TFormat"/> reads and writes its claims, and
/// this does the rest, once for every record. Not meant to be called directly. The record's generated instance members
/// (<c>Sign</c>, <c>SignCompact</c>, <c>ToDevelopmentToken</c>) pass the record itself as <c>claims</c>.
/// </summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
/// <typeparam name="TFormat">The record's generated <see cref="IClaimsFormat{TClaims}"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Called only by generated code, which names the type arguments.")]
public static class ClaimsCodec<TClaims, TFormat>
    where TClaims : ITokenClaims
    where TFormat : struct, IClaimsFormat<TClaims>
{
    /// <summary>Reads the claims of <paramref name="token"/>. The signature is not checked.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="TokenFormatException">A required claim is missing or a claim does not fit its property; <see cref="TokenFormatException.ClaimName"/> names it.</exception>
    public static TClaims FromToken(Token token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var error = default(TFormat).Read(token, out var claims);
        return error is null ? claims! : throw error;
    }

    /// <summary>Reads the claims of <paramref name="token"/> without throwing. The signature is not checked.</summary>
    /// <param name="token">The token.</param>
    /// <param name="claims">The claims, or the default value when they do not fit.</param>
    /// <returns>Whether the token's claims fit the record.</returns>
    public static bool TryFromToken(Token? token, [MaybeNullWhen(false)] out TClaims claims)
    {
        claims = default;
        return token is not null && default(TFormat).Read(token, out claims) is null;
    }

    /// <summary>Signs the record's claims into a user token (HS256) with <c>iat</c> and <c>exp</c>.</summary>
    /// <param name="claims">The claims.</param>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long the token is valid; more than zero.</param>
    /// <param name="issuedAt">The issue time. Claims are whole seconds.</param>
    /// <returns>The signed token.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not more than zero, or the token would expire after 9999-12-31.</exception>
    public static Token Sign(TClaims claims, JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt) =>
        new(SignCompact(claims, key, lifetime, issuedAt));

    /// <summary>
    /// Signs the record's claims like <see cref="Sign"/> but returns only the compact JWT string, without reading it
    /// back: for a token endpoint that sends the string on.
    /// </summary>
    /// <param name="claims">The claims.</param>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long the token is valid; more than zero.</param>
    /// <param name="issuedAt">The issue time. Claims are whole seconds.</param>
    /// <returns>The signed token as <c>header.payload.signature</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not more than zero, or the token would expire after 9999-12-31.</exception>
    public static string SignCompact(TClaims claims, JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token's lifetime must be more than zero.");
        }

        // In ticks rather than with DateTimeOffset arithmetic, which checks and converts more than a sum of seconds needs.
        var issued = issuedAt.UtcTicks;
        if (lifetime.Ticks > DateTimeOffset.MaxValue.UtcTicks - issued)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "The token would expire after 9999-12-31, the last date a DateTimeOffset holds; use a shorter lifetime.");
        }

        return key.Sign<TClaims, TFormat>(claims, NumericDate.FromUtcTicks(issued + lifetime.Ticks), NumericDate.FromUtcTicks(issued));
    }

    /// <summary>
    /// Makes an unsigned development token with the record's claims. The chat server accepts it only when the app's
    /// auth checks are disabled: never use it in production.
    /// </summary>
    /// <param name="claims">The claims; their user id must not be empty.</param>
    /// <returns>The development token.</returns>
    /// <exception cref="InvalidOperationException">The user id is empty.</exception>
    [DevelopmentTokenApi]
    public static Token ToDevelopmentToken(TClaims claims)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        if (string.IsNullOrEmpty(claims.UserId))
        {
            throw new InvalidOperationException("A development token needs a user id; set the user id property first.");
        }

        return DevelopmentToken.Create<TClaims, TFormat>(claims);
    }
}
