using System;
using System.Text.Json;
using StreamChat.Jwt;

namespace StreamChat.Server;

/// <summary>
/// The validator's rules for the reserved claims (<see cref="ReservedClaims"/>): each appears at most once, <c>server</c>
/// only as JSON <c>true</c>, and never beside <c>user_id</c>. A token is either a user's or the app's server token;
/// one that claims both is refused rather than guessed at, because guessing "server" would let a user token that
/// carries <c>"server":true</c> (say, from a claims record with a <c>bool Server</c> property) do anything.
/// </summary>
internal static class ReservedClaimCheck
{
    /// <summary>Reads the reserved claims of an already parsed token.</summary>
    /// <returns>Why the token is refused (code 5), or <see langword="null"/> and whether it is the server token.</returns>
    public static (string? Problem, bool IsServer) Check(Token token)
    {
        Span<int> seen = stackalloc int[ReservedClaims.All.Count];
        var serverIsTrue = false;
        var reader = new Utf8JsonReader(token.PayloadUtf8);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOfReserved(ref reader);
            reader.Read();
            if (index >= 0)
            {
                if (++seen[index] > 1)
                {
                    return ($"the token has the '{ReservedClaims.All[index]}' claim more than once", false);
                }

                if (ReservedClaims.All[index] == ReservedClaims.Server)
                {
                    serverIsTrue = reader.TokenType == JsonTokenType.True;
                }
            }

            reader.Skip();
        }

        var hasServer = seen[ReservedClaims.IndexOf(ReservedClaims.Server)] > 0;
        if (hasServer && !serverIsTrue)
        {
            return ("the token's 'server' claim is not true; the claim is reserved for the app's server token ({\"server\":true})", false);
        }

        if (hasServer && seen[ReservedClaims.IndexOf(ReservedClaims.UserId)] > 0)
        {
            return ("the token has both 'user_id' and 'server'; a token is either a user token or the server token, so it is refused", false);
        }

        return (null, hasServer);
    }

    private static int IndexOfReserved(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < ReservedClaims.All.Count; i++)
        {
            if (reader.ValueTextEquals(ReservedClaims.All[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
