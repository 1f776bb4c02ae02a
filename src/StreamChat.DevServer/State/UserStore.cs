using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The app's users and token revocation cutoffs, within <see cref="ServerLimits.MaxUsers"/>. Thread-safe.</summary>
internal sealed class UserStore(TimeProvider clock, ServerLimits limits)
{
    // Fields the server owns; clients cannot set them through user_details or upserts.
    private static readonly HashSet<string> ServerFields = new(StringComparer.Ordinal)
    {
        "id", "role", "created_at", "updated_at", "last_active", "online", "banned", "revoke_tokens_issued_before",
    };

    private readonly object _gate = new();
    private readonly Dictionary<string, User> _users = new(StringComparer.Ordinal);
    private DateTimeOffset? _appRevokedBefore;

    /// <summary>Creates the user or merges <paramref name="details"/> into it. The role changes only when one is given.</summary>
    public JsonObject Upsert(string id, JsonObject? details, string? role = null)
    {
        lock (_gate)
        {
            return UpsertUnlocked(id, details, role);
        }
    }

    /// <summary>
    /// Creates or updates a guest, in one step with the check that <paramref name="id"/> is not taken by a user who is not a
    /// guest (code 4), so no user can be created in between.
    /// </summary>
    public JsonObject UpsertGuest(string id, JsonObject? details)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(id, out var existing) && existing.Role != Roles.Guest)
            {
                throw ProtocolException.Input($"user.id '{Echo.Short(id)}' belongs to a user who is not a guest");
            }

            return UpsertUnlocked(id, details, Roles.Guest);
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

    /// <summary>Records that the user authenticated (or closed a connection) now; unknown users are ignored.</summary>
    public void Seen(string id)
    {
        lock (_gate)
        {
            if (_users.TryGetValue(id, out var user))
            {
                user.LastSeen = clock.GetUtcNow();
            }
        }
    }

    /// <summary>The app-wide revocation cutoff, if one is set.</summary>
    public DateTimeOffset? AppRevokedBefore
    {
        get
        {
            lock (_gate)
            {
                return _appRevokedBefore;
            }
        }
    }

    /// <summary>How many users there are, and the <paramref name="max"/> seen most recently (then the newest).</summary>
    public (int Total, IReadOnlyList<UserSummary> Users) List(int max)
    {
        lock (_gate)
        {
            var users = _users.Values
                .OrderByDescending(user => user.LastSeen ?? DateTimeOffset.MinValue)
                .ThenByDescending(user => user.CreatedAt)
                .ThenBy(user => user.Id, StringComparer.Ordinal)
                .Take(max)
                .Select(user => new UserSummary(user.Id, user.Role, user.CreatedAt, user.LastSeen, user.RevokedBefore))
                .ToList();
            return (_users.Count, users);
        }
    }

    /// <summary>Sets (or with null, lifts) the app-wide cutoff; returns it as kept, in whole seconds.</summary>
    public DateTimeOffset? RevokeAppTokens(DateTimeOffset? before)
    {
        lock (_gate)
        {
            return _appRevokedBefore = WholeSeconds(before);
        }
    }

    /// <summary>Sets (or with null, lifts) the cutoff of each user, creating users not seen yet; returns it as kept, in whole seconds.</summary>
    public DateTimeOffset? RevokeUserTokens(IReadOnlyList<string> ids, DateTimeOffset? before)
    {
        lock (_gate)
        {
            EnsureRoomFor(ids);
            var now = clock.GetUtcNow();
            foreach (var id in ids)
            {
                var user = GetOrAdd(id, now);
                user.RevokedBefore = WholeSeconds(before);
            }

            return WholeSeconds(before);
        }
    }

    // iat is whole seconds and the validator compares the cutoff in whole seconds (truncated, as the hosted service does):
    // the cutoff is kept, and shown by GET /app, the users and the dashboard, as it is compared.
    private static DateTimeOffset? WholeSeconds(DateTimeOffset? at) =>
        at is { } time ? DateTimeOffset.FromUnixTimeSeconds(time.ToUnixTimeSeconds()) : null;

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

    private JsonObject UpsertUnlocked(string id, JsonObject? details, string? role)
    {
        var now = clock.GetUtcNow();
        var exists = _users.TryGetValue(id, out var user);
        if (!exists)
        {
            EnsureRoom(1);
        }

        // Merged into a copy first, so a merge over the size cap changes nothing.
        var custom = Merged(id, user?.Custom, details, []);
        if (user is null)
        {
            user = new User(id, role ?? Roles.User, now);
            _users.Add(id, user);
        }
        else if (role is not null)
        {
            user.Role = role;
        }

        user.Custom = custom;
        user.UpdatedAt = now;
        return user.ToJson();
    }

    /// <summary>
    /// Applies a <c>PATCH /users</c> request, all or nothing: the user cap and every user's custom data size are checked
    /// for the whole list before any user changes (a request refused half way would leave the users half updated).
    /// </summary>
    /// <returns>Each patched user as it is afterwards, by id.</returns>
    public JsonObject PartialUpdate(IReadOnlyList<UserPatch> patches)
    {
        lock (_gate)
        {
            EnsureRoomFor(patches.Select(p => p.Id));
            var custom = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
            foreach (var patch in patches)
            {
                var current = custom.TryGetValue(patch.Id, out var earlier) ? earlier : _users.TryGetValue(patch.Id, out var user) ? user.Custom : null;
                custom[patch.Id] = Merged(patch.Id, current, patch.Set, patch.Unset);
            }

            var now = clock.GetUtcNow();
            var result = new JsonObject();
            foreach (var patch in patches)
            {
                var user = GetOrAdd(patch.Id, now);
                user.Role = patch.Role ?? user.Role;
                user.Custom = custom[patch.Id];
                user.UpdatedAt = now;
                if (patch.Revoke)
                {
                    user.RevokedBefore = WholeSeconds(patch.RevokedBefore);
                }

                result[patch.Id] = user.ToJson();
            }

            return result;
        }
    }

    // A copy of the user's custom data with the changes applied, checked against the size cap.
    private JsonObject Merged(string id, JsonObject? current, JsonObject? set, IReadOnlyList<string> unset)
    {
        var custom = (JsonObject?)current?.DeepClone() ?? new JsonObject();
        if (set is not null)
        {
            foreach (var (name, value) in set)
            {
                if (!ServerFields.Contains(name))
                {
                    custom[name] = value?.DeepClone();
                }
            }
        }

        foreach (var name in unset)
        {
            if (!ServerFields.Contains(name))
            {
                custom.Remove(name);
            }
        }

        CustomData.Check(custom, limits.MaxUserCustomDataBytes, $"user '{Echo.Short(id)}'", nameof(DevServerOptions.MaxUserCustomDataBytes));
        return custom;
    }

    // All or nothing: the cap is checked for every new user of a request before any is created.
    private void EnsureRoomFor(IEnumerable<string> ids) => EnsureRoom(ids.Distinct(StringComparer.Ordinal).Count(id => !_users.ContainsKey(id)));

    // A user the request names but the server does not know yet is created with the default role (the cap is checked first).
    private User GetOrAdd(string id, DateTimeOffset now)
    {
        if (!_users.TryGetValue(id, out var user))
        {
            user = new User(id, Roles.User, now);
            _users.Add(id, user);
        }

        return user;
    }

    private void EnsureRoom(int newUsers)
    {
        if (_users.Count + newUsers > limits.MaxUsers)
        {
            throw ProtocolException.CapReached("users", limits.MaxUsers, nameof(DevServerOptions.MaxUsers));
        }
    }

    private sealed class User(string id, string role, DateTimeOffset createdAt)
    {
        public string Id { get; } = id;

        public DateTimeOffset CreatedAt { get; } = createdAt;

        public string Role { get; set; } = role;

        public DateTimeOffset? LastSeen { get; set; }

        public DateTimeOffset UpdatedAt { get; set; } = createdAt;

        public DateTimeOffset? RevokedBefore { get; set; }

        public JsonObject Custom { get; set; } = new();

        public JsonObject ToJson()
        {
            var json = new JsonObject
            {
                ["id"] = Id,
                ["role"] = Role,
                ["created_at"] = Wire.Timestamp(CreatedAt),
                ["updated_at"] = Wire.Timestamp(UpdatedAt),
                ["banned"] = false,
                ["online"] = false,
            };
            if (RevokedBefore is { } cutoff)
            {
                json["revoke_tokens_issued_before"] = Wire.Timestamp(cutoff);
            }

            if (LastSeen is { } seen)
            {
                json["last_active"] = Wire.Timestamp(seen);
            }

            foreach (var (name, value) in Custom)
            {
                json[name] = value?.DeepClone();
            }

            return json;
        }
    }
}
