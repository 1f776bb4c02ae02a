using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The app's users and token revocation cutoffs. Thread-safe.</summary>
internal sealed class UserStore
{
    // Fields the server owns; clients cannot set them through user_details or upserts.
    private static readonly HashSet<string> ServerFields = new(StringComparer.Ordinal)
    {
        "id", "role", "created_at", "updated_at", "last_active", "online", "banned", "revoke_tokens_issued_before",
    };

    private readonly object _gate = new();
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private DateTimeOffset? _appRevokedBefore;

    public UserStore(TimeProvider clock) => _clock = clock;

    /// <summary>Creates the user or merges <paramref name="details"/> into it. The role changes only when one is given.</summary>
    public JsonObject Upsert(string id, JsonObject? details, string? role = null)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            if (!_users.TryGetValue(id, out var user))
            {
                user = new User(id, role ?? Roles.User, now);
                _users.Add(id, user);
            }
            else if (role is not null)
            {
                user.Role = role;
            }

            if (details is not null)
            {
                foreach (var (name, value) in details)
                {
                    if (!ServerFields.Contains(name))
                    {
                        user.Custom[name] = value?.DeepClone();
                    }
                }
            }

            user.UpdatedAt = now;
            return user.ToJson();
        }
    }

    /// <summary>The user's role, or <see langword="null"/> for an unknown user.</summary>
    public string? RoleOf(string id)
    {
        lock (_gate)
        {
            return _users.TryGetValue(id, out var user) ? user.Role : null;
        }
    }

    public JsonObject? Find(string id)
    {
        lock (_gate)
        {
            return _users.TryGetValue(id, out var user) ? user.ToJson() : null;
        }
    }

    public void RevokeAppTokens(DateTimeOffset? before)
    {
        lock (_gate)
        {
            _appRevokedBefore = before;
        }
    }

    public void RevokeUserTokens(IReadOnlyList<string> ids, DateTimeOffset? before)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            foreach (var id in ids)
            {
                if (!_users.TryGetValue(id, out var user))
                {
                    user = new User(id, Roles.User, now);
                    _users.Add(id, user);
                }

                user.RevokedBefore = before;
            }
        }
    }

    /// <summary>The revocation cutoff for a user (the later of the app-wide and the user's own); for server tokens, the app's.</summary>
    public DateTimeOffset? RevokedBefore(string? userId)
    {
        lock (_gate)
        {
            var user = userId is not null && _users.TryGetValue(userId, out var found) ? found.RevokedBefore : null;
            return (_appRevokedBefore, user) switch
            {
                ({ } app, { } own) => app > own ? app : own,
                (var app, var own) => app ?? own,
            };
        }
    }

    private sealed class User(string id, string role, DateTimeOffset createdAt)
    {
        private readonly DateTimeOffset _createdAt = createdAt;

        public string Role { get; set; } = role;

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public DateTimeOffset? RevokedBefore { get; set; }

        public JsonObject Custom { get; } = new();

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["id"] = id,
                ["role"] = Role,
                ["created_at"] = Wire.Timestamp(_createdAt),
                ["updated_at"] = Wire.Timestamp(UpdatedAt),
                ["banned"] = false,
                ["online"] = false,
            };
            if (RevokedBefore is { } cutoff)
            {
                json["revoke_tokens_issued_before"] = Wire.Timestamp(cutoff);
            }

            foreach (var (name, value) in Custom)
            {
                json[name] = value?.DeepClone();
            }

            return json;
        }
    }
}
