using System;

namespace StreamChat.Jwt;

/// <summary>
/// The development token: the HS256 header, the claims, and the literal signature <c>devtoken</c> in place of a real
/// one. The chat server accepts it only when the app's auth checks are disabled.
/// </summary>
internal static class DevelopmentToken
{
    /// <summary>The signature segment of every development token.</summary>
    public const string Signature = "devtoken";

    /// <summary>Whether <paramref name="rawValue"/> ends with the development signature.</summary>
    public static bool IsSigned(string rawValue) => rawValue.EndsWith("." + Signature, StringComparison.Ordinal);

    /// <summary>Makes a development token whose payload holds the claims <paramref name="writeClaims"/> writes.</summary>
    public static Token Create<TState>(TState state, JwtClaimsWriter<TState> writeClaims)
    {
        var payload = PayloadWriter.Rent();
        payload.Write(state, writeClaims, issuedAt: null, expiresAt: null);
        return FromPayload(payload);
    }

    /// <summary>A development token with the claims of a generated claims record, written by its <typeparamref name="TFormat"/>.</summary>
    public static Token Create<TClaims, TFormat>(TClaims claims)
        where TClaims : Claims.ITokenClaims
        where TFormat : struct, Claims.IClaimsFormat<TClaims>
    {
        var payload = PayloadWriter.Rent();
        payload.Write<TClaims, TFormat>(claims, issuedAt: null, expiresAt: null);
        return FromPayload(payload);
    }

    private static Token FromPayload(PayloadWriter payload)
    {
        var token = new Token(Hs256.HeaderSegment + "." + Base64Url.EncodeToString(payload.WrittenSpan) + "." + Signature);
        PayloadWriter.Return(payload);
        return token;
    }
}
