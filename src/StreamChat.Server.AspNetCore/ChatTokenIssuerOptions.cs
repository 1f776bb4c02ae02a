using System;

namespace StreamChat.Server.AspNetCore;

/// <summary>
/// The settings of <see cref="ChatTokenIssuer"/>, bound from the <c>Chat</c> configuration section by
/// <c>AddChatTokenIssuer()</c> and validated when the app starts.
/// </summary>
/// <example>
/// <code>
/// "Chat": { "ApiKey": "your-api-key", "TokenLifetime": "01:00:00", "IssuedAtBackdate": "00:00:05" }
/// // and the secret from user secrets or the environment: Chat__ApiSecret=…
/// </code>
/// </example>
public sealed class ChatTokenIssuerOptions
{
    /// <summary>The configuration section read by default.</summary>
    public const string DefaultSectionName = "Chat";

    /// <summary>The longest <see cref="IssuedAtBackdate"/> accepted.</summary>
    public static readonly TimeSpan MaxIssuedAtBackdate = TimeSpan.FromMinutes(5);

    /// <summary>The longest <see cref="TokenLifetime"/> accepted: a year. Longer is no safer than a token without <c>exp</c>, and dates run out.</summary>
    public static readonly TimeSpan MaxTokenLifetime = TimeSpan.FromDays(365);

    /// <summary>The app's API key (not needed to sign; handy to hand to clients). Optional.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The app's API secret, at least 32 bytes in UTF-8. Keep it out of source and logs (user secrets, environment, a vault).</summary>
    public string? ApiSecret { get; set; }

    /// <summary>How long an issued token is valid. Default: one hour; at most <see cref="MaxTokenLifetime"/>. The client fetches a new one when it expires.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How far <c>iat</c> is set back from now, so a chat server whose clock runs a little behind does not reject a new
    /// token as issued in the future (code 42); the same idea, and name, as <c>UserTokenIssuer.IssuedAtBackdate</c>. (The
    /// validator's leeway is <c>TokenValidatorOptions.ClockSkew</c>.) <c>exp</c> stays now + <see cref="TokenLifetime"/>.
    /// A backdated token issued just after a revocation is revoked too, so keep it small. Default: zero; at most
    /// <see cref="MaxIssuedAtBackdate"/>.
    /// </summary>
    public TimeSpan IssuedAtBackdate { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"ChatTokenIssuerOptions(ApiKey: {ApiKey}, ApiSecret: {(string.IsNullOrEmpty(ApiSecret) ? "not set" : "[redacted]")}, TokenLifetime: {TokenLifetime}, IssuedAtBackdate: {IssuedAtBackdate})";
}
