namespace StreamChat;

/// <summary>What is wrong with a string that was given as a token. Carried by <see cref="TokenFormatException"/>.</summary>
public enum TokenFormatError
{
    /// <summary>The string is empty or white space.</summary>
    Empty,

    /// <summary>The string does not have the three dot-separated segments of a JWT (header.payload.signature).</summary>
    WrongSegmentCount,

    /// <summary>A segment is not valid base64url or base64.</summary>
    InvalidBase64,

    /// <summary>The header is not a JSON object.</summary>
    HeaderNotJsonObject,

    /// <summary>The payload is not valid JSON.</summary>
    PayloadNotJson,

    /// <summary>The payload is JSON but not an object.</summary>
    PayloadNotObject,

    /// <summary>A claim has the wrong JSON type (for example a numeric <c>user_id</c>).</summary>
    InvalidClaimType,

    /// <summary>A date claim (<c>exp</c>, <c>iat</c>, <c>nbf</c>) is outside the range a date can hold.</summary>
    ClaimOutOfRange,

    /// <summary>A registered claim appears more than once, so its meaning is ambiguous.</summary>
    DuplicateClaim,

    /// <summary>A required claim is missing.</summary>
    MissingClaim,
}
