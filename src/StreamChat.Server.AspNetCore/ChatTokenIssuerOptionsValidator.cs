using System;
using System.Collections.Generic;
using System.Text;
using Microsoft.Extensions.Options;
using StreamChat.Jwt;

namespace StreamChat.Server.AspNetCore;

/// <summary>Checks <see cref="ChatTokenIssuerOptions"/>; every message names the setting, never its value.</summary>
/// <param name="settingPrefix">How settings are named in messages: <c>Chat:</c> for configuration, <c>ChatTokenIssuerOptions.</c> for code.</param>
internal sealed class ChatTokenIssuerOptionsValidator(string settingPrefix) : IValidateOptions<ChatTokenIssuerOptions>
{
    public ValidateOptionsResult Validate(string? name, ChatTokenIssuerOptions options)
    {
        var failures = new List<string>();
        var secret = settingPrefix + nameof(ChatTokenIssuerOptions.ApiSecret);
        if (string.IsNullOrEmpty(options.ApiSecret))
        {
            failures.Add($"{secret} is not set. Set it to your chat app's API secret, outside source control: user secrets, an environment variable ({secret.Replace(":", "__")}) or a vault.");
        }
        else if (Encoding.UTF8.GetByteCount(options.ApiSecret) < JwtSigningKey.MinimumSecretLength)
        {
            failures.Add($"{secret} is shorter than {JwtSigningKey.MinimumSecretLength} bytes, too short for HS256. Use your chat app's API secret as it is.");
        }

        if (options.TokenLifetime <= TimeSpan.Zero || options.TokenLifetime > ChatTokenIssuerOptions.MaxTokenLifetime)
        {
            failures.Add($"{settingPrefix}{nameof(ChatTokenIssuerOptions.TokenLifetime)} must be more than zero and at most {ChatTokenIssuerOptions.MaxTokenLifetime:c} (for example 01:00:00).");
        }

        if (options.IssuedAtBackdate < TimeSpan.Zero || options.IssuedAtBackdate > ChatTokenIssuerOptions.MaxIssuedAtBackdate)
        {
            failures.Add($"{settingPrefix}{nameof(ChatTokenIssuerOptions.IssuedAtBackdate)} must be between 00:00:00 and {ChatTokenIssuerOptions.MaxIssuedAtBackdate:c}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
