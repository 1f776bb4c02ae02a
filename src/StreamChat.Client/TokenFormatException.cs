using System;

namespace StreamChat;

/// <summary>
/// Thrown when a string is not a well-formed chat token, or when its claims do not fit what is expected.
/// The message says what is wrong; it never contains the token itself.
/// </summary>
public sealed class TokenFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="error">What is wrong.</param>
    /// <param name="message">A description that does not contain the token.</param>
    /// <param name="claimName">The claim concerned, if any.</param>
    /// <param name="innerException">The underlying error, if any. It must not carry the token either.</param>
    public TokenFormatException(TokenFormatError error, string message, string? claimName = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
        ClaimName = claimName;
    }

    /// <summary>What is wrong with the token.</summary>
    public TokenFormatError Error { get; }

    /// <summary>The name of the claim concerned, or <see langword="null"/> when the problem is not about one claim.</summary>
    public string? ClaimName { get; }
}
