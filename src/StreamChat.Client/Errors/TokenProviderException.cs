using System;
using System.Globalization;

namespace StreamChat;

/// <summary>
/// The token provider could not supply a usable token after the configured attempts. <see cref="Exception.InnerException"/>
/// holds the last cause (the provider's own exception, or a <see cref="TimeoutException"/>).
/// </summary>
public sealed class TokenProviderException : ChatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="providerKind">The kind of provider that failed.</param>
    /// <param name="failure">How the last attempt failed.</param>
    /// <param name="attempts">How many times the provider was called.</param>
    /// <param name="innerException">The last cause, or <see langword="null"/>.</param>
    public TokenProviderException(TokenProviderKind providerKind, TokenProviderFailure failure, int attempts, Exception? innerException)
        : base(Describe(providerKind, failure, attempts), innerException)
    {
        ProviderKind = providerKind;
        Failure = failure;
        Attempts = attempts;
    }

    /// <summary>The kind of provider that failed.</summary>
    public TokenProviderKind ProviderKind { get; }

    /// <summary>How the last attempt failed.</summary>
    public TokenProviderFailure Failure { get; }

    /// <summary>How many times the provider was called before giving up.</summary>
    public int Attempts { get; }

    private static string Describe(TokenProviderKind kind, TokenProviderFailure failure, int attempts)
    {
        var what = failure switch
        {
            TokenProviderFailure.TimedOut => "did not answer within ChatClientConfig.TokenProviderTimeout",
            TokenProviderFailure.SameTokenReturned => "returned the token the server had just rejected as expired or revoked; make it fetch a new token from your backend",
            TokenProviderFailure.InvalidToken => "returned a token the client cannot use (see the inner exception)",
            _ => "failed (see the inner exception)",
        };
        return string.Format(CultureInfo.InvariantCulture, "The {0} token provider {1}; gave up after {2} attempt(s).", kind, what, attempts);
    }
}

/// <summary>How a token provider failed.</summary>
public enum TokenProviderFailure
{
    /// <summary>The provider threw (or the guest endpoint failed).</summary>
    Failed,

    /// <summary>The provider did not answer within the timeout.</summary>
    TimedOut,

    /// <summary>The provider returned the token that had just been rejected with code 40.</summary>
    SameTokenReturned,

    /// <summary>The provider returned an unusable token: anonymous, without a user id, or for another user.</summary>
    InvalidToken,
}
