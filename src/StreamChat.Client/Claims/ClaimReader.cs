using System;
using System.Collections.Generic;
using System.Text.Json;
using StreamChat.Jwt;

namespace StreamChat.Claims;

/// <summary>Reads claim values from a token payload, for <see cref="ClaimTable"/>.</summary>
/// <remarks>
/// Each method expects the reader on a claim's value. A JSON <c>null</c> gives a <see langword="null"/> value and
/// <see langword="true"/>; a value of the wrong JSON type gives <see langword="false"/>.
/// </remarks>
internal static class ClaimReader
{
    /// <summary>A reader over <paramref name="token"/>'s payload, past the object's start (with nothing to read for <see cref="Token.Anonymous"/>).</summary>
    /// <param name="token">The token; its payload is a JSON object, or empty.</param>
    /// <returns>The reader.</returns>
    public static Utf8JsonReader StartPayload(Token token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        // An empty payload gives a reader that has nothing to read (not final, so it does not throw).
        var payload = token.PayloadUtf8;
        var reader = new Utf8JsonReader(payload, isFinalBlock: !payload.IsEmpty, state: default);
        if (!payload.IsEmpty)
        {
            reader.Read();
        }

        return reader;
    }

    /// <summary>Reads a string claim.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The string, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is a string or <c>null</c>.</returns>
    public static bool TryReadString(ref Utf8JsonReader reader, out string? value)
    {
        value = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return true;
            case JsonTokenType.String:
                value = reader.GetString();
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a boolean claim.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The boolean, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is <c>true</c>, <c>false</c> or <c>null</c>.</returns>
    public static bool TryReadBoolean(ref Utf8JsonReader reader, out bool? value)
    {
        value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is not null || reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a 32-bit integer claim.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is an integer that fits, or <c>null</c>.</returns>
    public static bool TryReadInt32(ref Utf8JsonReader reader, out int? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a 64-bit integer claim.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is an integer that fits, or <c>null</c>.</returns>
    public static bool TryReadInt64(ref Utf8JsonReader reader, out long? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a floating-point claim.</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The number, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is a number or <c>null</c>.</returns>
    public static bool TryReadDouble(ref Utf8JsonReader reader, out double? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var number))
        {
            value = number;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a GUID claim written as a string (<c>00000000-0000-0000-0000-000000000000</c>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The GUID, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is a GUID string or <c>null</c>.</returns>
    public static bool TryReadGuid(ref Utf8JsonReader reader, out Guid? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.String && reader.TryGetGuid(out var guid))
        {
            value = guid;
            return true;
        }

        return reader.TokenType == JsonTokenType.Null;
    }

    /// <summary>Reads a NumericDate claim: seconds since the Unix epoch, whole or fractional (the fraction is dropped).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="value">The time, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is a number within the range of <see cref="DateTimeOffset"/>, or <c>null</c>.</returns>
    public static bool TryReadNumericDate(ref Utf8JsonReader reader, out DateTimeOffset? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        if (!NumericDate.TryGetSeconds(ref reader, out var seconds))
        {
            return false;
        }

        value = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return true;
    }

    /// <summary>Reads a claim that is an array of strings.</summary>
    /// <param name="reader">The reader, on the value; left on the array's end.</param>
    /// <param name="value">The strings, or <see langword="null"/> for JSON <c>null</c>.</param>
    /// <returns>Whether the value is an array of strings or <c>null</c>.</returns>
    public static bool TryReadStringArray(ref Utf8JsonReader reader, out string[]? value)
    {
        value = null;
        if (reader.TokenType == JsonTokenType.Null)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                // The caller stops reading at the first claim that does not fit, so the position no longer matters.
                return false;
            }

            items.Add(reader.GetString()!);
        }

        value = items.ToArray();
        return true;
    }

    /// <summary>The error for a token that lacks a claim the record requires.</summary>
    /// <param name="recordName">The claims record, for the message.</param>
    /// <param name="claimName">The missing claim.</param>
    /// <returns>A <see cref="TokenFormatException"/> with <see cref="TokenFormatError.MissingClaim"/>.</returns>
    public static TokenFormatException MissingClaim(string recordName, string claimName) =>
        new(
            TokenFormatError.MissingClaim,
            $"The token has no '{claimName}' claim (or it is null), which {recordName} requires. Issue the token with that claim, or make the property nullable.",
            claimName);

    /// <summary>The error for a claim whose JSON value does not fit the record's property.</summary>
    /// <param name="recordName">The claims record, for the message.</param>
    /// <param name="claimName">The claim.</param>
    /// <param name="expected">What the property needs, for example <c>a JSON string</c>.</param>
    /// <returns>A <see cref="TokenFormatException"/> with <see cref="TokenFormatError.InvalidClaimType"/>.</returns>
    public static TokenFormatException InvalidClaim(string recordName, string claimName, string expected) =>
        new(
            TokenFormatError.InvalidClaimType,
            $"The token's '{claimName}' claim is not {expected}, as {recordName} requires. Issue the token with a value of that type.",
            claimName);
}
