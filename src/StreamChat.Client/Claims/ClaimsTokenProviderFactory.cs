using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Annotations;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>
/// The typed token providers of a <see cref="TokenClaimsAttribute"/> record: every token is checked against the record
/// before the client uses it. The generated <c>{Record}TokenProvider</c> class inherits these factories, so they are
/// called as <c>ChatClaimsTokenProvider.Closure(…)</c>.
/// </summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
/// <typeparam name="TFormat">The record's generated <see cref="IClaimsFormat{TClaims}"/>.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factories are called through the generated class that derives from this one.")]
public abstract class ClaimsTokenProviderFactory<TClaims, TFormat>
    where TClaims : ITokenClaims
    where TFormat : struct, IClaimsFormat<TClaims>
{
    /// <summary>For the generated class that inherits the factories; it has no instances.</summary>
    protected ClaimsTokenProviderFactory()
    {
    }

    /// <summary>
    /// A provider that always gives <paramref name="token"/> (kind <see cref="TokenProviderKind.Static"/>), after
    /// checking at once that its claims fit the record. The client cannot renew the token when it expires: prefer
    /// <see cref="Closure(Func{CancellationToken, Task{Token}})"/>.
    /// </summary>
    /// <param name="token">The token.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="TokenFormatException">The token's claims do not fit the record.</exception>
    [StaticTokenApi]
    public static TokenProvider Static(Token token)
    {
        ClaimsCodec<TClaims, TFormat>.FromToken(token);
        return TokenProvider.Static(token);
    }

    /// <summary>
    /// The recommended provider: a closure (kind <see cref="TokenProviderKind.Closure"/>) the client calls whenever it
    /// needs a token, whose every token is checked against the record before it is used.
    /// </summary>
    /// <param name="fetch">Fetches a token from your backend; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fetch"/> is null.</exception>
    public static TokenProvider Closure(Func<CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return Closure((_, cancellationToken) => fetch(cancellationToken));
    }

    /// <summary>
    /// A closure provider given the client asking, whose every token is checked against the record before it is used.
    /// </summary>
    /// <param name="fetch">Fetches a token for the given client; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fetch"/> is null.</exception>
    public static TokenProvider Closure(Func<ChatClient, CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return TokenProvider.Closure((client, cancellationToken) => FetchChecked(fetch, client, cancellationToken));
    }

    /// <summary>
    /// A closure provider that gets its tokens from your backend's token endpoint (StreamChat.Server.AspNetCore's
    /// <c>MapChatTokenEndpoint</c>), each checked against the record before it is used.
    /// </summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The provider. A failed fetch is a <see cref="TokenEndpointException"/> inside the client's <see cref="TokenProviderException"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="endpoint"/> is null.</exception>
    public static TokenProvider FromEndpoint(TokenEndpoint endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        return Closure(endpoint.FetchAsync);
    }

    /// <summary>
    /// A provider of development tokens carrying <paramref name="claims"/> (kind
    /// <see cref="TokenProviderKind.Development"/>). The chat server accepts them only when the app's auth checks are
    /// disabled: never use it in production.
    /// </summary>
    /// <param name="claims">The claims of the user to connect as.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The user id is empty.</exception>
    [DevelopmentTokenApi]
    public static TokenProvider Development(TClaims claims)
    {
        if (claims is null)
        {
            throw new ArgumentNullException(nameof(claims));
        }

        return ClaimsTokenFactory.DevelopmentProvider(ClaimsCodec<TClaims, TFormat>.ToDevelopmentToken(claims));
    }

    /// <summary>
    /// A self-refreshing closure provider that signs a fresh token with <paramref name="claims"/> whenever the client
    /// needs one: for a trusted process that holds the API secret (a bot, a test), never for an app users install.
    /// </summary>
    /// <param name="claims">The claims of every token.</param>
    /// <param name="key">The signing key made from the API secret.</param>
    /// <param name="lifetime">How long each token is valid; more than zero.</param>
    /// <param name="timeProvider">The clock for <c>iat</c> and <c>exp</c>; the system clock when null.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="claims"/> or <paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lifetime"/> is not more than zero.</exception>
    public static TokenProvider Signed(TClaims claims, JwtSigningKey key, TimeSpan lifetime, TimeProvider? timeProvider = null)
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
            return Task.FromResult(new Token(ClaimsCodec<TClaims, TFormat>.SignCompact(claims, key, lifetime, clock.GetUtcNow())));
        });
    }

    // Async, so a callback that throws at once fails the returned task, as a callback that fails later does.
    private static async Task<Token> FetchChecked(Func<ChatClient, CancellationToken, Task<Token>?> fetch, ChatClient client, CancellationToken cancellationToken)
    {
        var fetching = fetch(client, cancellationToken)
            ?? throw new InvalidOperationException("The token provider's callback returned a null task; return the task that fetches the token.");
        var token = await fetching.ConfigureAwait(false);
        if (token is null)
        {
            throw new InvalidOperationException("The token provider's callback returned null; return a Token, or throw to report why none could be fetched.");
        }

        ClaimsCodec<TClaims, TFormat>.FromToken(token);
        return token;
    }
}

/// <summary>
/// <see cref="ClaimsTokenProviderFactory{TClaims, TFormat}"/> with the <see cref="FromEndpoint(System.Net.Http.HttpClient, Uri)"/>
/// overload, for the generated class of a project that references <c>System.Net.Http</c> (the generator picks this
/// base only then, so a Unity project without that reference never meets the type).
/// </summary>
/// <typeparam name="TClaims">The claims record.</typeparam>
/// <typeparam name="TFormat">The record's generated <see cref="IClaimsFormat{TClaims}"/>.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factories are called through the generated class that derives from this one.")]
public abstract class HttpClaimsTokenProviderFactory<TClaims, TFormat> : ClaimsTokenProviderFactory<TClaims, TFormat>
    where TClaims : ITokenClaims
    where TFormat : struct, IClaimsFormat<TClaims>
{
    /// <summary>For the generated class that inherits the factories; it has no instances.</summary>
    protected HttpClaimsTokenProviderFactory()
    {
    }

    /// <summary>
    /// The recommended provider when your backend has a token endpoint (StreamChat.Server.AspNetCore's
    /// <c>MapChatTokenEndpoint</c>): a closure provider that <c>GET</c>s <c>{"token":"…","expires_at":"…"}</c> from
    /// <paramref name="endpoint"/> whenever the client needs a token, each checked against the record before it is used.
    /// </summary>
    /// <param name="httpClient">Carries the user's login for your backend (a cookie, a bearer token).</param>
    /// <param name="endpoint">The endpoint, for example <c>https://your.backend/chat/token</c>; https, or http to this machine.</param>
    /// <returns>The provider. A failed fetch is a <see cref="TokenEndpointException"/> inside the client's <see cref="TokenProviderException"/>.</returns>
    /// <exception cref="ArgumentException">The endpoint is plain http to another machine, or relative without a base address.</exception>
    public static TokenProvider FromEndpoint(System.Net.Http.HttpClient httpClient, Uri endpoint) => FromEndpoint(new TokenEndpoint(httpClient, endpoint));
}
