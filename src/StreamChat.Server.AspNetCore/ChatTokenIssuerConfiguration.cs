using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace StreamChat.Server.AspNetCore;

/// <summary>
/// Reads <see cref="ChatTokenIssuerOptions"/> from a configuration section by hand: no reflection (trimming- and
/// AOT-safe), and a value that does not parse is reported by its setting's name, never by the value.
/// </summary>
internal sealed class ChatTokenIssuerConfiguration(IConfiguration? configuration, string sectionPath) : IConfigureOptions<ChatTokenIssuerOptions>
{
    private const string RenamedClockSkew = "ClockSkew";

    public void Configure(ChatTokenIssuerOptions options)
    {
        if (configuration is null)
        {
            return;
        }

        var section = configuration.GetSection(sectionPath);
        options.ApiKey = section[nameof(ChatTokenIssuerOptions.ApiKey)] ?? options.ApiKey;
        options.ApiSecret = section[nameof(ChatTokenIssuerOptions.ApiSecret)] ?? options.ApiSecret;
        options.TokenLifetime = ReadTimeSpan(section, nameof(ChatTokenIssuerOptions.TokenLifetime)) ?? options.TokenLifetime;
        options.IssuedAtBackdate = ReadTimeSpan(section, nameof(ChatTokenIssuerOptions.IssuedAtBackdate)) ?? options.IssuedAtBackdate;
        if (section[RenamedClockSkew] is not null)
        {
            // Renamed: a setting that is silently ignored would leave tokens refused with code 42 and no clue why.
            throw new OptionsValidationException(
                Options.DefaultName,
                typeof(ChatTokenIssuerOptions),
                [$"{sectionPath}:{RenamedClockSkew} is now {sectionPath}:{nameof(ChatTokenIssuerOptions.IssuedAtBackdate)} (how far iat is set back); rename the setting."]);
        }
    }

    private TimeSpan? ReadTimeSpan(IConfigurationSection section, string key)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new OptionsValidationException(
                Options.DefaultName,
                typeof(ChatTokenIssuerOptions),
                [$"{sectionPath}:{key} is not a time span; write it as [d.]hh:mm:ss, for example 01:00:00."]);
    }
}
