using System;
using System.Diagnostics.CodeAnalysis;
using System.Net.Http;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StreamChat;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers a <see cref="ChatClient"/> in a service collection.</summary>
public static class ChatClientServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the chat client gets from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "StreamChat.ChatClient";

    /// <summary>
    /// Registers a singleton <see cref="ChatClient"/> for the app <paramref name="apiKey"/>. Its HTTP clients come from
    /// <see cref="IHttpClientFactory"/> (the returned builder adds handlers, resilience and so on), and its logger factory
    /// and <see cref="TimeProvider"/> from the container when registered there.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="apiKey">The app's API key.</param>
    /// <param name="tokenProvider">Creates the token provider, for example a closure that calls your token service.</param>
    /// <param name="configure">Adjusts the settings (base URL, timeouts, retries), or <see langword="null"/>.</param>
    /// <returns>The builder of the named HTTP client <see cref="HttpClientName"/>.</returns>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter (a token provider factory or the token endpoint), so no call is ambiguous.")]
    public static IHttpClientBuilder AddChatClient(
        this IServiceCollection services,
        string apiKey,
        Func<IServiceProvider, TokenProvider> tokenProvider,
        Action<IServiceProvider, ChatClientConfig>? configure = null)
    {
        if (apiKey is null)
        {
            throw new ArgumentNullException(nameof(apiKey));
        }

        return services.AddChatClient(
            provider =>
            {
                var config = new ChatClientConfig(apiKey);
                configure?.Invoke(provider, config);
                return config;
            },
            tokenProvider);
    }

    /// <summary>The name of the <see cref="HttpClient"/> that calls your backend's token endpoint (see <see cref="AddChatClient(IServiceCollection, string, Uri, Func{TokenEndpoint, TokenProvider}?, Action{IServiceProvider, ChatClientConfig}?)"/>).</summary>
    public const string TokenEndpointHttpClientName = "StreamChat.TokenEndpoint";

    /// <summary>
    /// Registers a singleton <see cref="ChatClient"/> for the app <paramref name="apiKey"/> whose tokens come from your
    /// backend's token endpoint (<see cref="TokenProvider.FromEndpoint(TokenEndpoint)"/>), called with the
    /// <see cref="IHttpClientFactory"/> client <see cref="TokenEndpointHttpClientName"/> (a new one per call). Configure
    /// that client through the returned builder so it carries the user's login for your backend (a handler adding the
    /// bearer token, a base address); it is used for nothing else, so those credentials never reach the chat server.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="apiKey">The app's API key.</param>
    /// <param name="tokenEndpoint">The endpoint, absolute or relative to the client's base address.</param>
    /// <param name="tokenProvider">Makes the provider from the endpoint: <see langword="null"/> for <see cref="TokenProvider.FromEndpoint(TokenEndpoint)"/>, or a generated <c>{Record}TokenProvider.FromEndpoint</c> to check the claims.</param>
    /// <param name="configure">Adjusts the settings (base URL, timeouts, retries), or <see langword="null"/>.</param>
    /// <returns>The builder of the named HTTP client <see cref="TokenEndpointHttpClientName"/>; the chat client's own is <see cref="HttpClientName"/>.</returns>
    /// <example><code>services.AddChatClient(apiKey, new Uri("https://your.backend/chat/token"), ChatClaimsTokenProvider.FromEndpoint).AddHttpMessageHandler&lt;BackendLoginHandler&gt;();</code></example>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The overloads differ in a required parameter (a token provider factory or the token endpoint), so no call is ambiguous.")]
    public static IHttpClientBuilder AddChatClient(
        this IServiceCollection services,
        string apiKey,
        Uri tokenEndpoint,
        Func<TokenEndpoint, TokenProvider>? tokenProvider = null,
        Action<IServiceProvider, ChatClientConfig>? configure = null)
    {
        if (tokenEndpoint is null)
        {
            throw new ArgumentNullException(nameof(tokenEndpoint));
        }

        services.AddChatClient(
            apiKey,
            provider =>
            {
                var factory = provider.GetRequiredService<IHttpClientFactory>();
                var endpoint = new TokenEndpoint(() => factory.CreateClient(TokenEndpointHttpClientName), tokenEndpoint);
                return tokenProvider is null ? TokenProvider.FromEndpoint(endpoint) : tokenProvider(endpoint);
            },
            configure);
        return services.AddHttpClient(TokenEndpointHttpClientName);
    }

    /// <summary>
    /// Registers a singleton <see cref="ChatClient"/> with settings built by <paramref name="config"/>. Settings it leaves
    /// at their defaults are filled from the container: HTTP clients from <see cref="IHttpClientFactory"/>, the
    /// <see cref="ILoggerFactory"/> and the <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="config">Creates the settings.</param>
    /// <param name="tokenProvider">Creates the token provider.</param>
    /// <returns>The builder of the named HTTP client <see cref="HttpClientName"/>.</returns>
    public static IHttpClientBuilder AddChatClient(
        this IServiceCollection services,
        Func<IServiceProvider, ChatClientConfig> config,
        Func<IServiceProvider, TokenProvider> tokenProvider)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (config is null)
        {
            throw new ArgumentNullException(nameof(config));
        }

        if (tokenProvider is null)
        {
            throw new ArgumentNullException(nameof(tokenProvider));
        }

        var builder = services.AddHttpClient(HttpClientName);
        services.TryAddSingleton(provider => new ChatClient(Complete(config(provider), provider), tokenProvider(provider)));
        return builder;
    }

    private static ChatClientConfig Complete(ChatClientConfig config, IServiceProvider provider)
    {
        if (config.HttpClient is null && config.HttpClientProvider is null && config.HttpMessageHandler is null)
        {
            var factory = provider.GetRequiredService<IHttpClientFactory>();
            var timeout = config.RequestTimeout;
            config.HttpClientProvider = () =>
            {
                // Factory clients are cheap, per-call objects over pooled handlers: setting the timeout is safe.
                var client = factory.CreateClient(HttpClientName);
                client.Timeout = timeout;
                return client;
            };
        }

        if (config.LoggerFactory is NullLoggerFactory && provider.GetService<ILoggerFactory>() is { } loggerFactory)
        {
            config.LoggerFactory = loggerFactory;
        }

        if (ReferenceEquals(config.TimeProvider, TimeProvider.System) && provider.GetService<TimeProvider>() is { } timeProvider)
        {
            config.TimeProvider = timeProvider;
        }

        return config;
    }
}
