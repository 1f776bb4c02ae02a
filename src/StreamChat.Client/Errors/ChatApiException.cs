using System;
using System.Globalization;
using System.Net;
using StreamChat.Logging;

namespace StreamChat;

/// <summary>The chat server rejected a request or a connection: its error code, HTTP status and message.</summary>
public sealed class ChatApiException : ChatException
{
    /// <summary>Creates the error from the parts of the server's error body.</summary>
    /// <param name="code">The protocol's error code (raw number; see <see cref="Code"/>).</param>
    /// <param name="statusCode">The HTTP status the server answered with.</param>
    /// <param name="serverMessage">The server's message (JWTs in it are redacted), or <see langword="null"/>.</param>
    /// <param name="moreInfo">The server's documentation link, or <see langword="null"/>.</param>
    public ChatApiException(int code, HttpStatusCode statusCode, string? serverMessage, string? moreInfo = null)
        : base(Describe(code, statusCode, Redaction.RedactTokens(serverMessage)))
    {
        RawCode = code;
        StatusCode = statusCode;
        ServerMessage = Redaction.RedactTokens(serverMessage);
        MoreInfo = moreInfo;
    }

    /// <summary>The error code as the protocol defines it; <see cref="StreamErrorCode.None"/> when the body had none.</summary>
    public StreamErrorCode Code => (StreamErrorCode)RawCode;

    /// <summary>The error code as the server sent it (codes this SDK has no name for stay readable here).</summary>
    public int RawCode { get; }

    /// <summary>The HTTP status of the response (for a WebSocket error frame, the status it carried).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The server's own message, with anything that looks like a token redacted.</summary>
    public string? ServerMessage { get; }

    /// <summary>The server's link to more information, if it sent one.</summary>
    public string? MoreInfo { get; }

    /// <summary>Whether the code means the token has expired or was revoked, so a new token is needed (code 40).</summary>
    public bool IsTokenExpired => Code == StreamErrorCode.TokenExpired;

    private static string Describe(int code, HttpStatusCode status, string? serverMessage)
    {
        var name = Enum.IsDefined(typeof(StreamErrorCode), code) ? ((StreamErrorCode)code).ToString() : "unknown";
        var hint = (StreamErrorCode)code switch
        {
            StreamErrorCode.InvalidApiKeyOrMissingAuth => " Check the API key in ChatClientConfig.",
            StreamErrorCode.AuthenticationFailed => " Check that the token was issued for this app (development tokens need auth checks disabled).",
            StreamErrorCode.TokenExpired => " The token expired or was revoked; a static or development token cannot be refreshed, use TokenProvider.Closure.",
            StreamErrorCode.TokenNotValidYet => " The token's 'nbf' is in the future; check the issuing server's clock.",
            StreamErrorCode.TokenIssuedInFuture => " The token's 'iat' is after the server's clock; backdate 'iat' when issuing (UserTokenIssuer.IssuedAtBackdate; for the ASP.NET Core token endpoint, ChatTokenIssuerOptions.IssuedAtBackdate, configuration key \"Chat:IssuedAtBackdate\").",
            StreamErrorCode.TokenSignatureInvalid => " The token was not signed with this app's secret.",
            StreamErrorCode.NotAllowed => " The user's role does not permit this.",
            StreamErrorCode.None when (int)status >= 500 => " The answer had no chat error body: the server or a proxy in front of it failed. This is usually temporary; retry later.",
            StreamErrorCode.None => " The answer had no chat error body; a proxy in front of the chat server may have answered.",
            _ => string.Empty,
        };
        var detail = string.IsNullOrEmpty(serverMessage) ? string.Empty : ": " + serverMessage;
        return string.Format(CultureInfo.InvariantCulture, "The chat server answered HTTP {0} with error code {1} ({2}){3}.{4}", (int)status, code, name, detail, hint);
    }
}
