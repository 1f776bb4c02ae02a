using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace Backend;

/// <summary>
/// Stands in for your user store (ASP.NET Core Identity, a database): three demo accounts. A real app keeps password
/// hashes, never passwords; these exist so the sample runs with nothing set up.
/// </summary>
public sealed class DemoUsers
{
    private readonly Dictionary<string, Account> _accounts = new(StringComparer.Ordinal)
    {
        ["john-doe"] = new("demo-password-john", ChatRole.Member, ChatAllowed: true),
        ["jane"] = new("demo-password-jane", ChatRole.Moderator, ChatAllowed: true),
        ["spammer"] = new("demo-password-spam", ChatRole.Member, ChatAllowed: false),
    };

    /// <summary>Whether <paramref name="password"/> is the user's (compared in constant time).</summary>
    public bool CheckPassword(string user, string password) =>
        _accounts.TryGetValue(user, out var account)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(account.Password), Encoding.UTF8.GetBytes(password));

    /// <summary>The chat claims of a user, or <see langword="null"/> when the user may not chat.</summary>
    public ChatClaims? ChatClaimsOf(string? user) =>
        user is not null && _accounts.TryGetValue(user, out var account) && account.ChatAllowed ? new ChatClaims(user, account.Role) : null;

    private sealed record Account(string Password, ChatRole Role, bool ChatAllowed);
}
