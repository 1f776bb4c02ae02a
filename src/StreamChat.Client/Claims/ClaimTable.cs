using System;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace StreamChat.Claims;

/// <summary>
/// The claims of a <see cref="TokenClaimsAttribute"/> record, for the <c>StreamChatFormat</c> the StreamChat generator
/// writes into it: reads them from a token's payload, checking each against its <see cref="ClaimSpec"/>, and holds their
/// names encoded for the record's writer. One table per record, made once; safe to use from many threads. Not meant to be
/// used directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ClaimTable
{
    private readonly string _recordName;
    private readonly ClaimSpec[] _claims;

    // Per claim: its name in UTF-8 to match the payload's names, and encoded for the writer. A name with a surrogate has
    // neither: it is matched as a string and encoded when written, so one that is not half of a pair fails when a claim
    // is written, not when the table is made (in the record's type initializer).
    private readonly byte[]?[] _utf8Names;
    private readonly JsonEncodedText[] _encodedNames;

    // The order missing claims are reported in: the user id first, so a token without one (Token.Anonymous) is refused for it.
    private readonly int[] _requiredOrder;

    /// <summary>Makes the table of a record's claims.</summary>
    /// <param name="recordName">The record's name, for error messages.</param>
    /// <param name="claims">The claims, in the order the record declares them; <see cref="ClaimValues"/> and <see cref="Name"/> take the same indexes.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public ClaimTable(string recordName, params ClaimSpec[] claims)
    {
        _recordName = recordName ?? throw new ArgumentNullException(nameof(recordName));
        _claims = claims ?? throw new ArgumentNullException(nameof(claims));
        _utf8Names = new byte[]?[claims.Length];
        _encodedNames = new JsonEncodedText[claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            var name = claims[i].Name ?? throw new ArgumentException($"Claim {i} has no name.", nameof(claims));
            if (!name.Any(char.IsSurrogate))
            {
                _utf8Names[i] = Encoding.UTF8.GetBytes(name);
                _encodedNames[i] = ClaimsTokenFactory.EncodeClaimName(name);
            }
        }

        _requiredOrder = Enumerable.Range(0, claims.Length)
            .Where(i => claims[i].IsRequired)
            .OrderBy(i => claims[i].Name == Jwt.JwtClaimNames.UserId ? 0 : 1)
            .ToArray();
    }

    /// <summary>The name of claim <paramref name="index"/>, encoded as the payload writer escapes it.</summary>
    /// <param name="index">The claim's index in the table.</param>
    /// <returns>The encoded name.</returns>
    /// <exception cref="ArgumentException">The name has a surrogate that is not half of a pair.</exception>
    public JsonEncodedText Name(int index) =>
        _utf8Names[index] is not null ? _encodedNames[index] : ClaimsTokenFactory.EncodeClaimName(_claims[index].Name);

    /// <summary>
    /// Reads the table's claims from <paramref name="token"/>'s payload. Claims the table does not know are skipped; of a
    /// claim given twice, the last counts. The first claim (in the payload) whose value does not fit is the error; else
    /// the first required claim that is missing or null, the user id before the others.
    /// </summary>
    /// <param name="token">The token; its payload is a JSON object, or empty.</param>
    /// <param name="values">The values read, by the table's indexes; when there is an error, what was read before it.</param>
    /// <returns><see langword="null"/> when every claim fits, else the error naming the claim.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="token"/> is null.</exception>
    public TokenFormatException? Read(Token token, out ClaimValues values)
    {
        var reader = ClaimReader.StartPayload(token);
        var slots = new ClaimValues.Slot[_claims.Length];
        values = new ClaimValues(slots);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
            }
            else if (!TryRead(ref reader, index, out slots[index]))
            {
                var claim = _claims[index];
                return ClaimReader.InvalidClaim(_recordName, claim.Name, Expected(claim));
            }
        }

        foreach (var index in _requiredOrder)
        {
            if (!slots[index].IsPresent)
            {
                return ClaimReader.MissingClaim(_recordName, _claims[index].Name);
            }
        }

        return null;
    }

    private int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < _claims.Length; i++)
        {
            if (_utf8Names[i] is { } utf8 ? reader.ValueTextEquals(utf8) : reader.ValueTextEquals(_claims[i].Name))
            {
                return i;
            }
        }

        return -1;
    }

    // A JSON null reads as an absent value; a value of the wrong type, or an enum text the claim does not have, fails.
    private bool TryRead(ref Utf8JsonReader reader, int index, out ClaimValues.Slot slot)
    {
        slot = default;
        switch (_claims[index].Kind)
        {
            case ClaimValueKind.Boolean:
                return Set(ClaimReader.TryReadBoolean(ref reader, out var boolean), boolean is { } b ? (b ? 1 : 0) : null, out slot);
            case ClaimValueKind.Int32:
                return Set(ClaimReader.TryReadInt32(ref reader, out var int32), int32, out slot);
            case ClaimValueKind.Int64:
                return Set(ClaimReader.TryReadInt64(ref reader, out var int64), int64, out slot);
            case ClaimValueKind.Double:
                return Set(ClaimReader.TryReadDouble(ref reader, out var number), number is { } d ? BitConverter.DoubleToInt64Bits(d) : null, out slot);
            case ClaimValueKind.NumericDate:
                return Set(ClaimReader.TryReadNumericDate(ref reader, out var date), date?.UtcTicks, out slot);
            case ClaimValueKind.Guid:
                var isGuid = ClaimReader.TryReadGuid(ref reader, out var guid);
                slot = new ClaimValues.Slot(guid, 0);
                return isGuid;
            case ClaimValueKind.Strings:
                var isArray = ClaimReader.TryReadStringArray(ref reader, out var items);
                slot = new ClaimValues.Slot(items, 0);
                return isArray;
            case ClaimValueKind.Enum:
                if (!ClaimReader.TryReadString(ref reader, out var text))
                {
                    return false;
                }

                if (text is null)
                {
                    return true;
                }

                var member = Array.IndexOf(_claims[index].EnumValues!, text);
                slot = new ClaimValues.Slot(text, member);
                return member >= 0;
            default:
                var isString = ClaimReader.TryReadString(ref reader, out var value);
                slot = new ClaimValues.Slot(value, 0);
                return isString;
        }
    }

    private static bool Set(bool fits, long? value, out ClaimValues.Slot slot)
    {
        slot = value is { } bits ? new ClaimValues.Slot(null, bits, isPresent: true) : default;
        return fits;
    }

    /// <summary>What the JSON value must be, for the error message.</summary>
    private static string Expected(ClaimSpec claim) => claim.Kind switch
    {
        ClaimValueKind.String => "a string",
        ClaimValueKind.Boolean => "true or false",
        ClaimValueKind.Int32 => "a 32-bit integer",
        ClaimValueKind.Int64 => "a 64-bit integer",
        ClaimValueKind.Double => "a number",
        ClaimValueKind.Guid => "a GUID string",
        ClaimValueKind.NumericDate => "a NumericDate (seconds since 1970-01-01)",
        ClaimValueKind.Strings => "an array of strings",
        _ => "one of " + string.Join(", ", claim.EnumValues!.Select(v => "'" + v + "'")),
    };
}
