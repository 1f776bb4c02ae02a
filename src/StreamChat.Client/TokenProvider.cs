using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Annotations;

namespace StreamChat;

/// <summary>
/// Supplies the tokens a <see cref="ChatClient"/> connects with. Pick one of the five kinds:
/// <see cref="Closure(Func{CancellationToken, Task{Token}})"/> (recommended: fetches from your backend and is
/// called again whenever the token expires; <see cref="FromEndpoint(System.Net.Http.HttpClient, Uri)"/> is the closure for
/// a token endpoint), <see cref="Static"/>, <see cref="Development"/>,
/// <see cref="Guest"/> or <see cref="Anonymous"/>.
/// </summary>
public abstract class TokenProvider
{
    private protected TokenProvider(TokenProviderKind kind) => Kind = kind;

    /// <summary>The provider for an anonymous user, who may only read livestream channels.</summary>
    public static TokenProvider Anonymous { get; } = new AnonymousProvider();

    /// <summary>Which of the five kinds this provider is.</summary>
    public TokenProviderKind Kind { get; }

    /// <summary>
    /// A provider that always gives the same token. It is never refreshed: when the token expires the client
    /// cannot go on. Use it for tests, or for tokens that do not expire.
    /// </summary>
    /// <param name="token">The token, for example from your dashboard or backend.</param>
    /// <returns>The provider.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="token"/> is <see cref="Token.Anonymous"/> or has no user id.</exception>
    [StaticTokenApi]
    public static TokenProvider Static(Token token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        if (token.IsAnonymous)
        {
            throw new ArgumentException("Token.Anonymous cannot be used as a static token; use TokenProvider.Anonymous.", nameof(token));
        }

        if (token.UserId is null)
        {
            throw new ArgumentException("The token has no 'user_id' claim, so it cannot identify a chat user. Issue it with a user id.", nameof(token));
        }

        return new StaticProvider(token);
    }

    /// <summary>
    /// The recommended provider: <paramref name="fetch"/> gets a token from your backend. The client calls it when it
    /// connects and again whenever the token expires, and resumes the requests that waited with the new token.
    /// </summary>
    /// <param name="fetch">Fetches a token; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    public static TokenProvider Closure(Func<CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ClosureProvider((_, cancellationToken) => fetch(cancellationToken));
    }

    /// <summary>
    /// The recommended provider, in the form that receives the client asking for the token (as in the seed's
    /// closure), for example to read the user it is connecting.
    /// </summary>
    /// <param name="fetch">Fetches a token for the given client; it must honour the cancellation token.</param>
    /// <returns>The provider.</returns>
    public static TokenProvider Closure(Func<ChatClient, CancellationToken, Task<Token>> fetch)
    {
        if (fetch is null)
        {
            throw new ArgumentNullException(nameof(fetch));
        }

        return new ClosureProvider(fetch);
    }

    /// <summary>
    /// The recommended provider when your backend has a token endpoint (StreamChat.Server.AspNetCore's
    /// <c>MapChatTokenEndpoint</c>): a <see cref="TokenProviderKind.Closure"/> provider that <c>GET</c>s
    /// <c>{"token":"…","expires_at":"…"}</c> from <paramref name="endpoint"/> whenever the client needs a token.
    /// </summary>
    /// <param name="httpClient">Carries the user's login for your backend (a cookie, a bearer token).</param>
    /// <param name="endpoint">The endpoint, for example <c>https://your.backend/chat/token</c>; https, or http to this machine.</param>
    /// <returns>The provider. A failed fetch is a <see cref="TokenEndpointException"/> inside the client's <see cref="TokenProviderException"/>.</returns>
    /// <exception cref="ArgumentException">The endpoint is plain http to another machine, or relative without a base address.</exception>
    public static TokenProvider FromEndpoint(System.Net.Http.HttpClient httpClient, Uri endpoint) => FromEndpoint(new TokenEndpoint(httpClient, endpoint));

    /// <summary>The provider of <see cref="FromEndpoint(System.Net.Http.HttpClient, Uri)"/>, for an endpoint built with its own HTTP client factory.</summary>
    /// <param name="endpoint">The endpoint.</param>
    /// <returns>The provider.</returns>
    public static TokenProvider FromEndpoint(TokenEndpoint endpoint)
    {
        if (endpoint is null)
        {
            throw new ArgumentNullException(nameof(endpoint));
        }

        return new ClosureProvider((_, cancellationToken) => endpoint.FetchAsync(cancellationToken));
    }

    /// <summary>
    /// A provider of client-side development tokens for <paramref name="userId"/>. The chat server accepts them only
    /// when the app's auth checks are disabled: never use it in production.
    /// </summary>
    /// <param name="userId">The user to connect as.</param>
    /// <returns>The provider.</returns>
    [DevelopmentTokenApi]
    public static TokenProvider Development(string userId) => new DevelopmentProvider(Token.Development(userId));

    /// <summary>
    /// A provider for a guest user: the chat server creates the guest and issues its token when the client connects.
    /// Guests have a limited set of permissions.
    /// </summary>
    /// <param name="userId">The user id the guest asks for.</param>
    /// <param name="name">A display name, or <see langword="null"/>.</param>
    /// <param name="image">An avatar URL, or <see langword="null"/>.</param>
    /// <param name="extraData">Custom user fields (strings, booleans, numbers, lists and dictionaries of those).</param>
    /// <returns>The provider.</returns>
    public static TokenProvider Guest(string userId, string? name = null, Uri? image = null, IReadOnlyDictionary<string, object?>? extraData = null) =>
        new GuestProvider(new GuestUser(userId, name, image, extraData));

    /// <summary>Gets a token for <paramref name="client"/>. Guest tokens come from the chat server, not from here.</summary>
    internal abstract Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken);

    internal sealed class StaticProvider(Token token) : TokenProvider(TokenProviderKind.Static)
    {
        public Token Token { get; } = token;

        internal override Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken) => Task.FromResult(Token);
    }

    internal sealed class ClosureProvider(Func<ChatClient, CancellationToken, Task<Token>> fetch) : TokenProvider(TokenProviderKind.Closure)
    {
        internal override async Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken)
        {
            var token = await (fetch(client, cancellationToken)
                ?? throw new InvalidOperationException("The token provider's callback returned a null task; return the task that fetches the token.")).ConfigureAwait(false);
            return token ?? throw new InvalidOperationException("The token provider's callback returned null; return a Token, or throw to report why none could be fetched.");
        }
    }

    internal sealed class DevelopmentProvider(Token token) : TokenProvider(TokenProviderKind.Development)
    {
        public Token Token { get; } = token;

        internal override Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken) => Task.FromResult(Token);
    }

    internal sealed class GuestProvider(GuestUser user) : TokenProvider(TokenProviderKind.Guest)
    {
        public GuestUser User { get; } = user;

        internal override Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("Guest tokens are issued by the chat server when the client connects; the client asks it directly.");
    }

    internal sealed class AnonymousProvider() : TokenProvider(TokenProviderKind.Anonymous)
    {
        internal override Task<Token> GetTokenAsync(ChatClient client, CancellationToken cancellationToken) => Task.FromResult(Token.Anonymous);
    }
}
