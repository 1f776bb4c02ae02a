using System;
using System.ComponentModel;

namespace StreamChat.Claims;

/// <summary>
/// One claim of a <see cref="TokenClaimsAttribute"/> record as its <see cref="ClaimTable"/> reads it: the name in the
/// payload, the JSON value it takes and whether the record requires it. Made by the code the StreamChat generator writes;
/// not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ClaimSpec
{
    private ClaimSpec(string name, ClaimValueKind kind, bool required, string[]? enumValues)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Kind = kind;
        IsRequired = required;
        EnumValues = enumValues;
    }

    internal string Name { get; }

    internal ClaimValueKind Kind { get; }

    internal bool IsRequired { get; }

    // For an enum claim, the texts it may have, each once; ClaimValues.Enum maps the index of the one read to a member.
    internal string[]? EnumValues { get; }

    /// <summary>A string claim.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec String(string name, bool required) => new(name, ClaimValueKind.String, required, null);

    /// <summary>A <c>true</c> or <c>false</c> claim.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Boolean(string name, bool required) => new(name, ClaimValueKind.Boolean, required, null);

    /// <summary>A claim that is an integer that fits 32 bits.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Int32(string name, bool required) => new(name, ClaimValueKind.Int32, required, null);

    /// <summary>A claim that is an integer that fits 64 bits.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Int64(string name, bool required) => new(name, ClaimValueKind.Int64, required, null);

    /// <summary>A claim that is any JSON number.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Double(string name, bool required) => new(name, ClaimValueKind.Double, required, null);

    /// <summary>A GUID claim, written as a string.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Guid(string name, bool required) => new(name, ClaimValueKind.Guid, required, null);

    /// <summary>A time claim: seconds since 1970-01-01 (NumericDate).</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec NumericDate(string name, bool required) => new(name, ClaimValueKind.NumericDate, required, null);

    /// <summary>A claim that is an array of strings.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Strings(string name, bool required) => new(name, ClaimValueKind.Strings, required, null);

    /// <summary>An enum claim: one of a fixed set of strings.</summary>
    /// <param name="name">The claim's name in the payload.</param>
    /// <param name="required">Whether a token without it (or with null) is refused.</param>
    /// <param name="values">The texts the claim may have, each once, in the order of the members <see cref="ClaimValues.Enum{TEnum}"/> is given.</param>
    /// <returns>The claim.</returns>
    public static ClaimSpec Enum(string name, bool required, params string[] values) =>
        new(name, ClaimValueKind.Enum, required, values ?? throw new ArgumentNullException(nameof(values)));
}

/// <summary>The JSON value a claim takes.</summary>
internal enum ClaimValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Guid,
    NumericDate,
    Strings,
    Enum,
}
