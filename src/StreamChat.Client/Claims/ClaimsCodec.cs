using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>Reads a claims record from a token's payload: the generated, shape-dependent half of <see cref="ClaimsCodec{TClaims}"/>.</summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
/// <param name="token">The token.</param>
/// <param name="claims">The claims, or the default value when they do not fit.</param>
/// <returns><see langword="null"/> when the claims fit, else the error naming the claim.</returns>
public delegate TokenFormatException? ClaimsReader<TClaims>(Token token, out TClaims? claims);

/// <summary>
/// Everything a <see cref="TokenClaimsAttribute"/> record does that does not depend on its shape, for the code the
/// StreamChat generator writes: the record gives its payload reader and writer once, and its generated members and
/// typed provider factory call this. Not meant to be called directly.
/// </summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClaimsCodec<TClaims>
    where TClaims : ITokenClaims
{
    private readonly ClaimsReader<TClaims> _read;
    private readonly JwtClaimsWriter<TClaims> _write;

    /// <summary>Makes the codec of a claims record.</summary>
    /// <param name="read">Reads the record from a payload.</param>
    /// <param name="write">Writes the record's claims as JSON properties.</param>
    public ClaimsCodec(ClaimsReader<TClaims> read, JwtClaimsWriter<TClaims> write)
    {
        _read = read ?? throw new ArgumentNullException(nameof(read));
        _write = write ?? throw new ArgumentNullException(nameof(write));
    }

    /// <summary>Reads the claims of <paramref name="token"/>. The signature is not checked.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The claims.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="TokenFormatException">A required claim is missing or a claim does not fit its property; <see cref="TokenFormatException.ClaimName"/> names it.</exception>
    public TClaims FromToken(Token token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var error = _read(token, out var claims);
        return error is null ? claims! : throw error;
    }

    /// <summary>Reads the claims of <paramref name="token"/> without throwing. The signature is not checked.</summary>
    /// <param name="token">The token.</param>
    /// <param name="claims">The claims, or the default value when they do not fit.</param>
    /// <returns>Whether the token's claims fit the record.</returns>
    public bool TryFromToken(Token? token, [MaybeNullWhen(false)] out TClaims claims)
    {
        claims = default;
        return token is not null && _read(token, out claims) is null;
    }

    /// <summary>Signs <paramref name="claims"/> into a compact user token (HS256) with <c>iat</c> and <c>exp</c>.</summary>
    /// <param name="claims">The claims.</param>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long the token is valid; more than zero.</param>
    /// <param name="issuedAt">The issue time. Claims are whole seconds.</param>
    /// <returns>The signed token as <c>header.payload.signature</c>.</returns>
    public string SignCompact(TClaims claims, JwtSigningKey key, TimeSpan lifetime, DateTimeOffset issuedAt)
    {
        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token's lifetime must be more than zero.");
        }

        return key.Sign(claims, _write, issuedAt + lifetime, issuedAt);
    }

    /// <summary>Makes an unsigned development token with <paramref name="claims"/>. Never use it in production.</summary>
    /// <param name="claims">The claims; their user id must not be empty.</param>
    /// <returns>The development token.</returns>
    [DevelopmentTokenApi]
    public Token ToDevelopmentToken(TClaims claims)
    {
        if (string.IsNullOrEmpty(claims.UserId))
        {
            throw new InvalidOperationException("A development token needs a user id; set the user id property first.");
        }

        return DevelopmentToken.Create(claims, _write);
    }

    /// <summary>A provider that always gives <paramref name="token"/>, after checking at once that its claims fit.</summary>
    /// <param name="token">The token.</param>
    /// <returns>The provider.</returns>
    [StaticTokenApi]
    public TokenProvider Static(Token token)
    {
        FromToken(token);
        return TokenProvider.Static(token);
    }

    /// <summary>A closure provider whose every token is checked against the record before it is used.</summary>
    /// <param name="fetch">Fetches a token; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    public TokenProvider Closure(Func<CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return Closure((_, cancellationToken) => fetch(cancellationToken));
    }

    /// <summary>A closure provider, given the client asking, whose every token is checked against the record before it is used.</summary>
    /// <param name="fetch">Fetches a token for the given client; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    public TokenProvider Closure(Func<ChatClient, CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return TokenProvider.Closure((client, cancellationToken) => FetchChecked(fetch, client, cancellationToken));
    }

    /// <summary>A provider that gets its tokens from <paramref name="endpoint"/>, each checked against the record before it is used.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The provider.</returns>
    public TokenProvider FromEndpoint(TokenEndpoint endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        return Closure(endpoint.FetchAsync);
    }

    /// <summary>A provider of development tokens carrying <paramref name="claims"/>. Never use it in production.</summary>
    /// <param name="claims">The claims of the user to connect as.</param>
    /// <returns>The provider.</returns>
    [DevelopmentTokenApi]
    public TokenProvider Development(TClaims claims)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        return ClaimsTokenFactory.DevelopmentProvider(ToDevelopmentToken(claims));
    }

    /// <summary>A self-refreshing provider that signs a fresh token with <paramref name="claims"/> whenever one is needed.</summary>
    /// <param name="claims">The claims of every token.</param>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long each token is valid; more than zero.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and <c>exp</c>; the system clock when null.</param>
    /// <returns>The provider.</returns>
    public TokenProvider Signed(TClaims claims, JwtSigningKey key, TimeSpan lifetime, TimeProvider? timeProvider = null)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        if (key is null)
        {
            throw new ArgumentNullException(nameof(key));
        }

        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A token's lifetime must be more than zero.");
        }

        var clock = timeProvider ?? TimeProvider.System;
        return TokenProvider.Closure(cancellationToken =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(new Token(SignCompact(claims, key, lifetime, clock.GetUtcNow())));
        });
    }

    // Async, so a callback that throws at once fails the returned task, as a callback that fails later does.
    private async Task<Token> FetchChecked(Func<ChatClient, CancellationToken, Task<Token>?> fetch, ChatClient client, CancellationToken cancellationToken)
    {
        var fetching = fetch(client, cancellationToken)
            ?? throw new InvalidOperationException("The token provider's callback returned a null task; return the task that fetches the token.");
        var token = await fetching.ConfigureAwait(false);
        if (token is null)
        {
            throw new InvalidOperationException("The token provider's callback returned null; return a Token, or throw to report why none could be fetched.");
        }

        FromToken(token);
        return token;
    }
}
