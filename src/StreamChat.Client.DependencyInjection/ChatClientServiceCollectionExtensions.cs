using System;
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
