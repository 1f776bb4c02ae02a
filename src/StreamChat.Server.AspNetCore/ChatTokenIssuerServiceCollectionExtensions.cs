using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StreamChat.Server.AspNetCore;
using StreamChat.Server.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ChatTokenIssuer"/> in a service collection.</summary>
public static class ChatTokenIssuerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the singleton <see cref="ChatTokenIssuer"/> with <see cref="ChatTokenIssuerOptions"/> read from the
    /// configuration section <paramref name="configSectionPath"/> and validated when the app starts: a missing or short
    /// secret stops the app with a message naming the setting (<c>Chat:ApiSecret</c>), never its value.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configSectionPath">The configuration section; <c>Chat</c> by default.</param>
    /// <returns>The options builder, for <c>.Configure(…)</c> in code after the configuration is read.</returns>
    public static OptionsBuilder<ChatTokenIssuerOptions> AddChatTokenIssuer(this IServiceCollection services, string configSectionPath = ChatTokenIssuerOptions.DefaultSectionName)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrEmpty(configSectionPath))
        {
            throw new ArgumentException("Name the configuration section, for example \"Chat\".", nameof(configSectionPath));
        }

        services.AddSingleton<IConfigureOptions<ChatTokenIssuerOptions>>(provider => new ChatTokenIssuerConfiguration(provider.GetService<IConfiguration>(), configSectionPath));
        services.AddSingleton<IValidateOptions<ChatTokenIssuerOptions>>(new ChatTokenIssuerOptionsValidator(configSectionPath + ":"));
        TokenEndpointRefusals.Register(services);
        services.TryAddSingleton(provider => new ChatTokenIssuer(provider.GetRequiredService<IOptions<ChatTokenIssuerOptions>>().Value, provider.GetService<TimeProvider>()));
        return services.AddOptions<ChatTokenIssuerOptions>().ValidateOnStart();
    }
}
