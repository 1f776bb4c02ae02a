using System;

namespace StreamChat.Auth;

/// <summary>The settings of one <see cref="TokenManager"/>, taken from <see cref="ChatClientConfig"/>.</summary>
internal sealed class TokenRefreshPolicy(ChatClientConfig config, TokenProviderKind kind)
{
    public TokenProviderKind Kind { get; } = kind;

    /// <summary>Only closure and guest providers can produce a new token; the others always give the same one.</summary>
    public bool CanRefresh { get; } = kind is TokenProviderKind.Closure or TokenProviderKind.Guest;

    public TimeSpan ProviderTimeout { get; } = config.TokenProviderTimeout;

    public int MaxProviderAttempts { get; } = kind is TokenProviderKind.Closure or TokenProviderKind.Guest ? config.MaxTokenProviderAttempts : 1;

    public TimeSpan RetryBaseDelay { get; } = config.TokenProviderRetryBaseDelay;

    public TimeSpan RetryMaxDelay { get; } = config.TokenProviderRetryMaxDelay;

    public bool Proactive { get; } = config.ProactiveTokenRefresh && kind is TokenProviderKind.Closure or TokenProviderKind.Guest;

    public TimeSpan ProactiveMargin { get; } = config.ProactiveTokenRefreshMargin;

    public TimeProvider TimeProvider { get; } = config.TimeProvider;
}
