using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>The per-type pieces of generated code: how each kind of claim is declared, read, converted and written.</summary>
internal static class ClaimCode
{
    public const string Reader = "global::StreamChat.Claims.ClaimReader";

    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The type of the local a claim is read into: nullable, so "absent" can be told apart.</summary>
    public static string LocalType(ClaimPropertyModel claim) => claim.Kind switch
    {
        ClaimKind.String => "string?",
        ClaimKind.StringCollection => "string[]?",
        _ => claim.TypeName + "?",
    };

    /// <summary>What the JSON value must be, for the error message.</summary>
    public static string Expected(ClaimPropertyModel claim) => claim.Kind switch
    {
        ClaimKind.String => "a string",
        ClaimKind.Boolean => "true or false",
        ClaimKind.Int32 => "a 32-bit integer",
        ClaimKind.Int64 => "a 64-bit integer",
        ClaimKind.Double => "a number",
        ClaimKind.Guid => "a GUID string",
        ClaimKind.NumericDate => "a NumericDate (seconds since 1970-01-01)",
        ClaimKind.StringCollection => "an array of strings",
        _ => "one of " + string.Join(", ", claim.EnumMembers.Select(m => "'" + m.Value + "'").Distinct()),
    };

    /// <summary>Writes the statements that read the claim's value into <paramref name="local"/>.</summary>
    public static void WriteRead(IndentedWriter writer, ClaimPropertyModel claim, string local, string invalid)
    {
        if (claim.Kind != ClaimKind.Enum)
        {
            writer.Line($"if (!{Reader}.{ReadMethod(claim.Kind)}(ref reader, out {local}))")
                .Open().Line(invalid).Close();
            return;
        }

        writer.Line($"if (!{Reader}.TryReadString(ref reader, out var {local}Text))")
            .Open().Line(invalid).Close();
        writer.Line($"switch ({local}Text)").Open();
        writer.Line("case null:").Line("    break;");
        var seen = new HashSet<string>();
        foreach (var member in claim.EnumMembers)
        {
            if (seen.Add(member.Value))
            {
                writer.Line($"case {Literal(member.Value)}:")
                    .Line($"    {local} = {claim.TypeName}.{member.MemberName};")
                    .Line("    break;");
            }
        }

        writer.Line("default:").Line("    " + invalid).Close();
    }

    /// <summary>The expression that turns the checked local into the property value.</summary>
    public static string Convert(ClaimPropertyModel claim, string local)
    {
        if (claim.Kind == ClaimKind.StringCollection && claim.Collection == CollectionShape.List)
        {
            var list = $"new global::System.Collections.Generic.List<string>({local})";
            return claim.IsNullable ? $"{local} is null ? null : {list}" : list;
        }

        var isValueType = claim.Kind is not (ClaimKind.String or ClaimKind.StringCollection);
        return isValueType && !claim.IsNullable ? local + ".Value" : local;
    }

    /// <summary>
    /// Whether the claim's name is encoded once, into a <c>JsonEncodedText</c> field (with the payload writer's own
    /// encoder, so the bytes are the same). A name with a surrogate is encoded where it is written instead: one that is not
    /// half of a pair cannot be encoded, and the error then comes from writing the claim, not from the type's initializer.
    /// </summary>
    public static bool CanPreEncode(ClaimPropertyModel claim) => !claim.ClaimName.Any(char.IsSurrogate);

    /// <summary>Writes the statements that write the claim from <paramref name="value"/> under <paramref name="name"/> (a literal or a <c>JsonEncodedText</c> field).</summary>
    public static void WriteWrite(IndentedWriter writer, ClaimPropertyModel claim, string value, string name)
    {
        var isValueType = claim.Kind is not (ClaimKind.String or ClaimKind.StringCollection);
        if (!claim.IsNullable)
        {
            WriteValue(writer, claim, name, value);
            return;
        }

        writer.Line(isValueType ? $"if ({value}.HasValue)" : $"if ({value} is not null)").Open();
        WriteValue(writer, claim, name, isValueType ? value + ".Value" : value);
        writer.Close();
    }

    private static void WriteValue(IndentedWriter writer, ClaimPropertyModel claim, string name, string value)
    {
        switch (claim.Kind)
        {
            case ClaimKind.Boolean:
                writer.Line($"writer.Boolean({name}, {value});");
                break;
            case ClaimKind.Int32:
            case ClaimKind.Int64:
            case ClaimKind.Double:
                writer.Line($"writer.Number({name}, {value});");
                break;
            case ClaimKind.NumericDate:
                writer.Line($"writer.Number({name}, {value}.ToUnixTimeSeconds());");
                break;
            case ClaimKind.Enum:
                WriteEnum(writer, claim, name, value);
                break;
            case ClaimKind.StringCollection:
                writer.Line($"writer.StartArray({name});");
                writer.Line($"foreach (var item in {value})").Open().Line("writer.StringValue(item);").Close();
                writer.Line("writer.EndArray();");
                break;
            default:
                writer.Line($"writer.String({name}, {value});");
                break;
        }
    }

    private static void WriteEnum(IndentedWriter writer, ClaimPropertyModel claim, string name, string value)
    {
        writer.Line($"switch ({value})").Open();
        foreach (var member in claim.EnumMembers.Where(m => !m.IsAlias))
        {
            writer.Line($"case {claim.TypeName}.{member.MemberName}:")
                .Line($"    writer.String({name}, {Literal(member.Value)});")
                .Line("    break;");
        }

        writer.Line("default:")
            .Line($"    throw new global::System.ArgumentOutOfRangeException({Literal(claim.PropertyName.TrimStart('@'))}, \"The value is not a named member of its enum, so it has no claim text.\");")
            .Close();
    }

    private static string ReadMethod(ClaimKind kind) => kind switch
    {
        ClaimKind.Boolean => "TryReadBoolean",
        ClaimKind.Int32 => "TryReadInt32",
        ClaimKind.Int64 => "TryReadInt64",
        ClaimKind.Double => "TryReadDouble",
        ClaimKind.Guid => "TryReadGuid",
        ClaimKind.NumericDate => "TryReadNumericDate",
        ClaimKind.StringCollection => "TryReadStringArray",
        _ => "TryReadString",
    };
}
