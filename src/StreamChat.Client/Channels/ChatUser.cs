using System;
using System.Text.Json;

namespace StreamChat;

/// <summary>A chat user as the server describes it.</summary>
public sealed class ChatUser
{
    /// <summary>Creates a user description.</summary>
    /// <param name="id">The user id.</param>
    /// <param name="name">The display name, or <see langword="null"/>.</param>
    /// <param name="role">The role (<c>user</c>, <c>guest</c>, <c>anonymous</c>, <c>admin</c>…), or <see langword="null"/>.</param>
    /// <param name="image">The avatar URL, or <see langword="null"/>.</param>
    public ChatUser(string id, string? name = null, string? role = null, string? image = null)
    {
        Id = id ?? throw new ArgumentNullException(nameof(id));
        Name = name;
        Role = role;
        Image = image;
    }

    /// <summary>The user id.</summary>
    public string Id { get; }

    /// <summary>The display name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>The role (<c>user</c>, <c>guest</c>, <c>anonymous</c>, <c>admin</c>…), or <see langword="null"/>.</summary>
    public string? Role { get; }

    /// <summary>The avatar URL, or <see langword="null"/>.</summary>
    public string? Image { get; }

    /// <inheritdoc/>
    public override string ToString() => $"ChatUser({Id}, role: {Role ?? "?"})";

    internal static ChatUser? FromJson(JsonElement user)
    {
        if (user.ValueKind != JsonValueKind.Object || Json.String(user, "id") is not { } id)
        {
            return null;
        }

        return new ChatUser(id, Json.String(user, "name"), Json.String(user, "role"), Json.String(user, "image"));
    }
}
