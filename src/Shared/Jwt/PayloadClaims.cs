using System;
using System.Text.Json;

namespace StreamChat.Jwt;

/// <summary>What <see cref="PayloadClaims.Read"/> found wrong with a payload.</summary>
internal enum PayloadProblem
{
    None,
    NotUtf8,
    Empty,
    NotJson,
    NotObject,
    TrailingData,
    DuplicateClaim,
    InvalidClaimType,
    ClaimOutOfRange,
    InvalidString,
}

/// <summary>
/// The reserved claims of a token payload, read in one pass without allocating (but for the <c>user_id</c> string): the
/// rules <see cref="Token"/> parses by and the server's validator checks by, written once.
/// </summary>
internal struct PayloadClaims
{
    private enum Name
    {
        Other,
        UserId,
        ExpiresAt,
        IssuedAt,
        NotBefore,
        Server,
    }

    public string? UserId;
    public long? ExpiresAt;
    public long? IssuedAt;
    public long? NotBefore;

    /// <summary>How often <c>server</c> appears; it is the server token's mark, checked by the validator alone.</summary>
    public int ServerCount;

    /// <summary>Whether the last <c>server</c> claim is JSON <c>true</c>.</summary>
    public bool ServerIsTrue;

    /// <summary>
    /// Whether the payload is marked as the app's server token: <c>"server": true</c>, once. The one test of it, for
    /// <see cref="Token"/>, the validator and the dev server (the validator also refuses a server token that names a user).
    /// </summary>
    public readonly bool IsServerToken => ServerCount == 1 && ServerIsTrue;

    /// <summary>The claim a problem is about, when it is about one.</summary>
    public string? ProblemClaim;

    /// <summary>The JSON token found where another was expected (the payload or a claim of the wrong type).</summary>
    public JsonTokenType ProblemToken;

    /// <summary>Where the JSON stopped being valid, for <see cref="PayloadProblem.NotJson"/>.</summary>
    public long ProblemPosition;

    /// <summary>Reads <c>user_id</c>, <c>exp</c>, <c>iat</c>, <c>nbf</c> and <c>server</c> from a payload.</summary>
    /// <returns>What is wrong with the payload, or <see cref="PayloadProblem.None"/> and the claims.</returns>
    public static PayloadProblem Read(ReadOnlySpan<byte> payload, out PayloadClaims claims)
    {
        claims = default;
        if (!IsUtf8(payload))
        {
            return PayloadProblem.NotUtf8;
        }

        if (CompactPayload.TryRead(payload, ref claims))
        {
            return PayloadProblem.None;
        }

        return ReadWithJsonReader(payload, out claims);
    }

    /// <summary>The authoritative reading with <see cref="Utf8JsonReader"/>, for payloads the compact fast path gives up on.</summary>
    internal static PayloadProblem ReadWithJsonReader(ReadOnlySpan<byte> payload, out PayloadClaims claims)
    {
        claims = default;
        try
        {
            var reader = new Utf8JsonReader(payload);
            if (!reader.Read())
            {
                return PayloadProblem.Empty;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                claims.ProblemToken = reader.TokenType;
                return PayloadProblem.NotObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Identify(ref reader);
                reader.Read();
                var problem = name == Name.Other ? Skip(ref reader) : claims.ReadReserved(name, ref reader);
                if (problem != PayloadProblem.None)
                {
                    return problem;
                }
            }

            return reader.TokenType != JsonTokenType.EndObject || reader.Read() ? PayloadProblem.TrailingData : PayloadProblem.None;
        }
        catch (JsonException ex)
        {
            claims.ProblemPosition = ex.BytePositionInLine ?? 0;
            return PayloadProblem.NotJson;
        }
    }

    private static PayloadProblem Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return PayloadProblem.None;
    }

    private PayloadProblem ReadReserved(Name name, ref Utf8JsonReader reader)
    {
        switch (name)
        {
            case Name.UserId:
                if (UserId is not null)
                {
                    return Duplicate(ReservedClaims.UserId);
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    return WrongType(ReservedClaims.UserId, reader.TokenType);
                }

                try
                {
                    UserId = reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    // Invalid escapes (a lone surrogate) that cannot become a .NET string.
                    return PayloadProblem.InvalidString;
                }

                return PayloadProblem.None;
            case Name.ExpiresAt:
                return ReadNumericDate(ref ExpiresAt, ReservedClaims.ExpiresAt, ref reader);
            case Name.IssuedAt:
                return ReadNumericDate(ref IssuedAt, ReservedClaims.IssuedAt, ref reader);
            case Name.NotBefore:
                return ReadNumericDate(ref NotBefore, ReservedClaims.NotBefore, ref reader);
            default:
                ServerCount++;
                ServerIsTrue = reader.TokenType == JsonTokenType.True;
                reader.Skip();
                return PayloadProblem.None;
        }
    }

    private PayloadProblem ReadNumericDate(ref long? field, string claim, ref Utf8JsonReader reader)
    {
        if (field is not null)
        {
            return Duplicate(claim);
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return WrongType(claim, reader.TokenType);
        }

        if (!NumericDate.TryGetSeconds(ref reader, out var seconds))
        {
            ProblemClaim = claim;
            return PayloadProblem.ClaimOutOfRange;
        }

        field = seconds;
        return PayloadProblem.None;
    }

    private PayloadProblem Duplicate(string claim)
    {
        ProblemClaim = claim;
        return PayloadProblem.DuplicateClaim;
    }

    private PayloadProblem WrongType(string claim, JsonTokenType found)
    {
        ProblemClaim = claim;
        ProblemToken = found;
        return PayloadProblem.InvalidClaimType;
    }

    private static Name Identify(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            // Rare: compare the unescaped name, so "user\u005fid" is user_id as every JSON reader sees it.
            return reader.ValueTextEquals(ReservedClaims.UserIdUtf8) ? Name.UserId
                : reader.ValueTextEquals(ReservedClaims.ExpiresAtUtf8) ? Name.ExpiresAt
                : reader.ValueTextEquals(ReservedClaims.IssuedAtUtf8) ? Name.IssuedAt
                : reader.ValueTextEquals(ReservedClaims.NotBeforeUtf8) ? Name.NotBefore
                : reader.ValueTextEquals(ReservedClaims.ServerUtf8) ? Name.Server
                : Name.Other;
        }

        var name = reader.ValueSpan;
        return name.Length switch
        {
            3 when name.SequenceEqual(ReservedClaims.ExpiresAtUtf8) => Name.ExpiresAt,
            3 when name.SequenceEqual(ReservedClaims.IssuedAtUtf8) => Name.IssuedAt,
            3 when name.SequenceEqual(ReservedClaims.NotBeforeUtf8) => Name.NotBefore,
            6 when name.SequenceEqual(ReservedClaims.ServerUtf8) => Name.Server,
            7 when name.SequenceEqual(ReservedClaims.UserIdUtf8) => Name.UserId,
            _ => Name.Other,
        };
    }

#if !NET
    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    private static bool IsUtf8(ReadOnlySpan<byte> payload)
    {
#if NET
        return System.Text.Unicode.Utf8.IsValid(payload);
#else
        try
        {
            unsafe
            {
                fixed (byte* bytes = payload)
                {
                    StrictUtf8.GetCharCount(bytes, payload.Length);
                }
            }

            return true;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return false;
        }
#endif
    }
}
