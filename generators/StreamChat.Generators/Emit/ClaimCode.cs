using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>The per-type pieces of generated code: how each kind of claim is described to the runtime's table, read back and written.</summary>
internal static class ClaimCode
{
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>The claim's entry in the record's <c>ClaimTable</c>: a <c>ClaimSpec</c> factory call.</summary>
    public static string Spec(ClaimPropertyModel claim)
    {
        var arguments = Literal(claim.ClaimName) + ", " + (claim.IsNullable ? "false" : "true");
        if (claim.Kind == ClaimKind.Enum)
        {
            arguments += string.Concat(EnumMembersRead(claim).Select(m => ", " + Literal(m.Value)));
        }

        return $"global::StreamChat.Claims.ClaimSpec.{ValueMethod(claim.Kind)}({arguments})";
    }

    /// <summary>
    /// An enum claim's members that its texts read as: the first member with each text, in declaration order. The table
    /// gets their texts and the array beside it the members, so an index in one is the same claim value in the other.
    /// </summary>
    public static IEnumerable<EnumMemberModel> EnumMembersRead(ClaimPropertyModel claim)
    {
        var seen = new HashSet<string>();
        return claim.EnumMembers.Where(m => seen.Add(m.Value));
    }

    /// <summary>
    /// The expression that gives the property value from the table's <c>values</c>; a claim the record requires was
    /// checked to be present.
    /// </summary>
    public static string Value(ClaimPropertyModel claim, int index)
    {
        var read = claim.Kind == ClaimKind.Enum ? $"values.Enum({index}, Members{index})" : $"values.{ValueMethod(claim.Kind)}({index})";
        if (claim.Kind == ClaimKind.StringCollection && claim.Collection == CollectionShape.List)
        {
            var list = "new global::System.Collections.Generic.List<string>";
            return claim.IsNullable ? $"{read} is {{ }} items{index} ? {list}(items{index}) : null" : $"{list}({read}!)";
        }

        var isValueType = claim.Kind is not (ClaimKind.String or ClaimKind.StringCollection);
        return claim.IsNullable ? read : read + (isValueType ? ".GetValueOrDefault()" : "!");
    }

    /// <summary>Writes the statements that write the claim from <paramref name="value"/> under <paramref name="name"/> (an expression giving the encoded name).</summary>
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

    private static string ValueMethod(ClaimKind kind) => kind switch
    {
        ClaimKind.StringCollection => "Strings",
        _ => kind.ToString(),
    };
}
