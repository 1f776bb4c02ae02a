using System;
using Microsoft.Extensions.Options;
using StreamChat.Claims;
using StreamChat.Jwt;

namespace StreamChat.Server.AspNetCore;

/// <summary>
/// Signs tokens of any typed claims record (<see cref="ITokenClaims"/>, implemented by the generated code of every
/// <c>[TokenClaims]</c> record) with the API secret of <see cref="ChatTokenIssuerOptions"/>. Thread-safe; registered as
/// a singleton by <c>AddChatTokenIssuer()</c>, which disposes it (and so its key) with the app.
/// </summary>
public sealed class ChatTokenIssuer : IDisposable
{
    private readonly JwtSigningKey _key;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _backdate;

    /// <summary>Creates an issuer.</summary>
    /// <param name="options">The settings; validated here too.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and <c>exp</c>; the system clock when null.</param>
    /// <exception cref="OptionsValidationException">A setting is missing or out of range; the message names it, never its value.</exception>
    public ChatTokenIssuer(ChatTokenIssuerOptions options, TimeProvider? timeProvider = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var result = new ChatTokenIssuerOptionsValidator(nameof(ChatTokenIssuerOptions) + ".").Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ChatTokenIssuerOptions), result.Failures);
        }

        _key = new JwtSigningKey(options.ApiSecret!);
        _clock = timeProvider ?? TimeProvider.System;
        _backdate = options.IssuedAtBackdate;
        ApiKey = options.ApiKey;
        TokenLifetime = options.TokenLifetime;
    }

    /// <summary>The app's API key from the settings, or <see langword="null"/>.</summary>
    public string? ApiKey { get; }

    /// <summary>How long each issued token is valid.</summary>
    public TimeSpan TokenLifetime { get; }

    /// <summary>Signs <paramref name="claims"/> into a token valid from now for <see cref="TokenLifetime"/> (<c>iat</c> set back by <see cref="ChatTokenIssuerOptions.IssuedAtBackdate"/>).</summary>
    /// <param name="claims">The claims, usually a <c>[TokenClaims]</c> record.</param>
    /// <returns>The token and its expiry.</returns>
    /// <exception cref="ArgumentException">The claims have no user id.</exception>
    /// <exception cref="ObjectDisposedException">The issuer was disposed.</exception>
    public IssuedChatToken Issue(ITokenClaims claims)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        var userId = claims.UserId;
        if (string.IsNullOrEmpty(userId))
        {
            throw new ArgumentException($"The {claims.GetType().Name} to sign has no user id; every chat token names its user.", nameof(claims));
        }

        var now = _clock.GetUtcNow();
        var issuedAt = now - _backdate;
        var token = claims.SignCompact(_key, TokenLifetime + _backdate, issuedAt);
        return new IssuedChatToken(token, userId, DateTimeOffset.FromUnixTimeSeconds((now + TokenLifetime).ToUnixTimeSeconds()));
    }

    /// <summary>Clears the signing key.</summary>
    public void Dispose() => _key.Dispose();
}
