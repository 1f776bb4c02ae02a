using System;
using System.ComponentModel;

namespace StreamChat.Claims;

/// <summary>
/// The claim values a <see cref="ClaimTable"/> read from a token, by the table's indexes, for the generated code that
/// makes the record from them. Each accessor gives <see langword="null"/> for a claim that was absent or null, and must be
/// the one of the claim's <see cref="ClaimSpec"/>. Not meant to be used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ClaimValues
{
    private readonly Slot[] _slots;

    internal ClaimValues(Slot[] slots) => _slots = slots;

    /// <summary>A string claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? String(int index) => (string?)_slots[index].Reference;

    /// <summary>A boolean claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public bool? Boolean(int index) => _slots[index].IsPresent ? _slots[index].Bits != 0 : null;

    /// <summary>A 32-bit integer claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public int? Int32(int index) => _slots[index].IsPresent ? (int)_slots[index].Bits : null;

    /// <summary>A 64-bit integer claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public long? Int64(int index) => _slots[index].IsPresent ? _slots[index].Bits : null;

    /// <summary>A number claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public double? Double(int index) => _slots[index].IsPresent ? BitConverter.Int64BitsToDouble(_slots[index].Bits) : null;

    /// <summary>A GUID claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public Guid? Guid(int index) => (Guid?)_slots[index].Reference;

    /// <summary>A time claim's value (offset zero).</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public DateTimeOffset? NumericDate(int index) => _slots[index].IsPresent ? new DateTimeOffset(_slots[index].Bits, TimeSpan.Zero) : null;

    /// <summary>A string-array claim's value.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string[]? Strings(int index) => (string[]?)_slots[index].Reference;

    /// <summary>An enum claim's value: the member at the index of its text among the claim's <see cref="ClaimSpec.Enum"/> values.</summary>
    /// <typeparam name="TEnum">The enum.</typeparam>
    /// <param name="index">The claim's index in the table.</param>
    /// <param name="members">The members, in the order of the claim's texts.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public TEnum? Enum<TEnum>(int index, TEnum[] members)
        where TEnum : struct
    {
        if (members is null)
        {
            throw new ArgumentNullException(nameof(members));
        }

        return _slots[index].IsPresent ? members[_slots[index].Bits] : null;
    }

    /// <summary>One claim's value: a reference (string, string array, boxed GUID) or bits (integers, booleans, double bits, ticks, an enum text's index).</summary>
    internal readonly struct Slot
    {
        public Slot(object? reference, long bits, bool isPresent = false)
        {
            Reference = reference;
            Bits = bits;
            IsPresent = isPresent || reference is not null;
        }

        public object? Reference { get; }

        public long Bits { get; }

        public bool IsPresent { get; }
    }
}
