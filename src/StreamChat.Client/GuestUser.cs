using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace StreamChat;

/// <summary>The user a guest session is created for (<see cref="TokenProvider.Guest"/>).</summary>
internal sealed class GuestUser
{
    private static readonly HashSet<string> ReservedFields = new(StringComparer.Ordinal) { "id", "name", "image", "role" };

    /// <summary>Creates a guest user.</summary>
    /// <param name="id">The user id the guest asks for.</param>
    /// <param name="name">A display name, or <see langword="null"/>.</param>
    /// <param name="image">An avatar URL, or <see langword="null"/>.</param>
    /// <param name="extraData">
    /// Custom fields. Values may be <see langword="null"/>, <see cref="string"/>, <see cref="bool"/>, a number,
    /// <see cref="JsonElement"/>, or a list or dictionary of those.
    /// </param>
    /// <exception cref="ArgumentException">The id is empty, or extra data has a reserved key or a value of another type.</exception>
    public GuestUser(string id, string? name = null, Uri? image = null, IReadOnlyDictionary<string, object?>? extraData = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            throw new ArgumentException("A guest user needs an id; pass the id the guest should have, for example \"john-doe\".", nameof(id));
        }

        if (image is not null && !image.IsAbsoluteUri)
        {
            throw new ArgumentException("The guest's image must be an absolute URL.", nameof(image));
        }

        var extra = extraData?.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal) ?? new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in extra)
        {
            if (ReservedFields.Contains(pair.Key))
            {
                throw new ArgumentException($"The extra data key '{pair.Key}' is reserved (id, name, image, role); pass the id, name and image as TokenProvider.Guest's parameters and leave '{pair.Key}' out of the extra data.", nameof(extraData));
            }

            JsonValueWriter.EnsureSupported(pair.Value, $"extraData[\"{pair.Key}\"]", nameof(extraData));
        }

        Id = id;
        Name = name;
        Image = image;
        ExtraData = extra;
    }

    /// <summary>The user id the guest asks for.</summary>
    public string Id { get; }

    /// <summary>The display name, or <see langword="null"/>.</summary>
    public string? Name { get; }

    /// <summary>The avatar URL, or <see langword="null"/>.</summary>
    public Uri? Image { get; }

    /// <summary>Custom fields sent with the user.</summary>
    public IReadOnlyDictionary<string, object?> ExtraData { get; }

    /// <summary>Writes the user as the protocol's user object: <c>{"id":…,"name":…,"image":…,…extra}</c>.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }

        if (Image is not null)
        {
            writer.WriteString("image", Image.AbsoluteUri);
        }

        foreach (var pair in ExtraData)
        {
            writer.WritePropertyName(pair.Key);
            JsonValueWriter.Write(writer, pair.Value);
        }

        writer.WriteEndObject();
    }
}
