using System;

namespace StreamChat.Server.AspNetCore;

/// <summary>A token <see cref="ChatTokenIssuer"/> signed. <see cref="ToString"/> never shows the token.</summary>
public sealed class IssuedChatToken
{
    internal IssuedChatToken(string token, string userId, DateTimeOffset expiresAt)
    {
        Token = token;
        UserId = userId;
        ExpiresAt = expiresAt;
    }

    /// <summary>The signed token (<c>header.payload.signature</c>). Send it to its user only; never log it.</summary>
    public string Token { get; }

    /// <summary>The user the token is for.</summary>
    public string UserId { get; }

    /// <summary>When the token expires: its <c>exp</c> claim (whole seconds).</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"IssuedChatToken(user: {UserId}, expires: {ExpiresAt:O}, token: [redacted])";
}
