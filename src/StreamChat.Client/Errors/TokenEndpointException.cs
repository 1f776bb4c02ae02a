using System;
using System.Net;

namespace StreamChat;

/// <summary>
/// Your backend's token endpoint (<see cref="TokenEndpoint"/>) did not give a token. A <see cref="ChatClient"/> reports
/// it as the <see cref="Exception.InnerException"/> of a <see cref="TokenProviderException"/>; the message never contains
/// the answer's body or a token.
/// </summary>
public sealed class TokenEndpointException : ChatException
{
    /// <summary>Creates the error.</summary>
    /// <param name="failure">What went wrong.</param>
    /// <param name="statusCode">The HTTP status the endpoint answered with, or <see langword="null"/> when it did not answer.</param>
    /// <param name="message">What went wrong and what to do next (no token, no body).</param>
    /// <param name="innerException">The cause, or <see langword="null"/>.</param>
    public TokenEndpointException(TokenEndpointFailure failure, HttpStatusCode? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
        StatusCode = statusCode;
    }

    /// <summary>What went wrong.</summary>
    public TokenEndpointFailure Failure { get; }

    /// <summary>The HTTP status the endpoint answered with, or <see langword="null"/> when it did not answer.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>
    /// Whether asking again may help: <see cref="TokenEndpointFailure.ServerError"/>, <see cref="TokenEndpointFailure.TimedOut"/>
    /// and <see cref="TokenEndpointFailure.Unreachable"/>. A <see cref="ChatClient"/> retries those with backoff and gives up
    /// at once on the others (a user who is not logged in stays so however often the client asks).
    /// </summary>
    public bool IsTransient => Failure is TokenEndpointFailure.ServerError or TokenEndpointFailure.TimedOut or TokenEndpointFailure.Unreachable;
}

/// <summary>How a token endpoint failed.</summary>
public enum TokenEndpointFailure
{
    /// <summary>HTTP 401: the request carried no valid login for your backend.</summary>
    NotAuthenticated,

    /// <summary>HTTP 403: your backend does not let this user chat.</summary>
    Forbidden,

    /// <summary>HTTP 5xx, 408 or 429: your backend failed or is busy. Transient.</summary>
    ServerError,

    /// <summary>Any other status that is not a success (a redirect, 404, 405…).</summary>
    HttpError,

    /// <summary>No answer within <c>HttpClient.Timeout</c>. Transient.</summary>
    TimedOut,

    /// <summary>The connection failed or broke. Transient.</summary>
    Unreachable,

    /// <summary>A success status, but not <c>{"token":"…"}</c> with a well-formed token (not JSON, no token, too large).</summary>
    InvalidResponse,
}
