using System.Linq;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>
/// Writes the members added to the claims record: <c>FromToken</c>, <c>TryFromToken</c>, <c>Sign</c>, <c>SignCompact</c>,
/// <c>ToDevelopmentToken</c> (calls to the runtime's <c>ClaimsCodec&lt;TClaims, TFormat&gt;</c>, documented by its members) and the
/// record's <c>StreamChatFormat</c> struct, the payload reader and writer: the part that depends on the record's shape.
/// </summary>
internal static class CodecEmitter
{
    private const string TokenType = "global::StreamChat.Token";
    private const string SignParameters = "global::StreamChat.Jwt.JwtSigningKey key, global::System.TimeSpan lifetime, global::System.DateTimeOffset issuedAt";

    public static void Write(IndentedWriter writer, ClaimsRecordModel model)
    {
        var self = model.FullyQualifiedName;
        var nullableSelf = model.IsValueType ? self : self + "?";
        var @new = model.HidesInheritedMembers ? "new " : string.Empty;
        var codec = SourceEmitter.Codec(model);

        Inherit(writer, "FromToken");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public static {@new}{self} FromToken({TokenType} token) => {codec}.FromToken(token);");
        writer.Line();

        Inherit(writer, "TryFromToken");
        writer.Line(SourceEmitter.GeneratedCode);
        var notNullWhen = model.CanUseNotNullWhen && !model.IsValueType ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
        writer.Line($"public static bool TryFromToken({TokenType}? token, {notNullWhen}out {nullableSelf} claims) => {codec}.TryFromToken(token, out claims);");
        writer.Line();

        Inherit(writer, "Sign", InstanceDocs);
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public {@new}{TokenType} Sign({SignParameters}) => {codec}.Sign(this, key, lifetime, issuedAt);");
        writer.Line();

        Inherit(writer, "SignCompact", InstanceDocs);
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public {@new}string SignCompact({SignParameters}) => {codec}.SignCompact(this, key, lifetime, issuedAt);");
        writer.Line();

        writer.Line($"string global::StreamChat.Claims.ITokenClaims.UserId => this.{model.UserIdProperty};");
        writer.Line();

        Inherit(writer, "ToDevelopmentToken", InstanceDocs);
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line("[global::StreamChat.Annotations.DevelopmentTokenApi]");
        writer.Line($"public {@new}{TokenType} ToDevelopmentToken() => {codec}.ToDevelopmentToken(this);");
        writer.Line();

        // The shape-dependent half: a struct the runtime's generic codec and provider factory take as a type argument.
        // Public, as the provider class's base names it; its members are explicit, so the record shows none of them.
        writer.Line($"/// <summary>Reads and writes the claims of <see cref=\"{SourceEmitter.Cref(self)}\"/> in a token's payload, for the StreamChat runtime.</summary>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line(SourceEmitter.NotBrowsable);
        writer.Line($"public {@new}readonly struct {SourceEmitter.FormatName} : global::StreamChat.Claims.IClaimsFormat<{self}>").Open();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            if (ClaimCode.CanPreEncode(model.Properties[i]))
            {
                writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText Name{i} = global::StreamChat.Claims.ClaimsTokenFactory.EncodeClaimName({ClaimCode.Literal(model.Properties[i].ClaimName)});");
            }
        }

        writer.Line();
        WriteReader(writer, model, nullableSelf);
        WriteWriter(writer, model);
        writer.Close();
    }

    // An instance member is the codec's static member with the record as its first argument, `claims`: its documentation
    // without that parameter's.
    private const string InstanceDocs = " path=\"/*[not(self::param[@name='claims'])]\"";

    private static void Inherit(IndentedWriter writer, string member, string path = "") =>
        writer.Line($"/// <inheritdoc cref=\"global::StreamChat.Claims.ClaimsCodec{{TClaims, TFormat}}.{member}\"{path}/>");

    private static void WriteReader(IndentedWriter writer, ClaimsRecordModel model, string nullableSelf)
    {
        var recordName = ClaimCode.Literal(model.DisplayName);
        writer.Line($"global::StreamChat.TokenFormatException? global::StreamChat.Claims.IClaimsFormat<{model.FullyQualifiedName}>.Read({TokenType} token, out {nullableSelf} claims)").Open();
        writer.Line("claims = default;");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            writer.Line($"{ClaimCode.LocalType(model.Properties[i])} claim{i} = default;");
        }

        writer.Line($"var reader = {ClaimCode.Reader}.StartPayload(token);");
        writer.Line($"while ({ClaimCode.Reader}.NextClaim(ref reader))").Open();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var claim = model.Properties[i];
            var name = ClaimCode.Literal(claim.ClaimName);
            writer.Line($"{(i == 0 ? "if" : "else if")} (reader.ValueTextEquals({name}))").Open();
            writer.Line("reader.Read();");
            ClaimCode.WriteRead(writer, claim, "claim" + i, $"return {ClaimCode.Reader}.InvalidClaim({recordName}, {name}, {ClaimCode.Literal(ClaimCode.Expected(claim))});");
            writer.Close();
        }

        writer.Line("else").Open();
        writer.Line($"{ClaimCode.Reader}.SkipValue(ref reader);").Close();
        writer.Close();

        // The user id first: a token without it (Token.Anonymous, whose payload is empty) is refused for it.
        var order = Enumerable.Range(0, model.Properties.Count).OrderBy(i => model.Properties[i].IsUserId ? 0 : 1);
        foreach (var i in order)
        {
            var claim = model.Properties[i];
            if (!claim.IsNullable)
            {
                writer.Line($"if (claim{i} is null)").Open()
                    .Line($"return {ClaimCode.Reader}.MissingClaim({recordName}, {ClaimCode.Literal(claim.ClaimName)});").Close();
            }
        }

        WriteConstruction(writer, model);
        writer.Line("return null;").Close();
        writer.Line();
    }

    private static void WriteConstruction(IndentedWriter writer, ClaimsRecordModel model)
    {
        var properties = model.Properties.ToList();
        var arguments = model.ConstructorParameters.Select(p => ClaimCode.Convert(model.Properties[properties.FindIndex(c => c.PropertyName == p)], "claim" + properties.FindIndex(c => c.PropertyName == p)));
        var creation = $"claims = new {model.FullyQualifiedName}({string.Join(", ", arguments)})";
        var initialized = Enumerable.Range(0, properties.Count).Where(i => !model.ConstructorParameters.Contains(properties[i].PropertyName)).ToList();
        if (initialized.Count == 0)
        {
            writer.Line(creation + ";");
            return;
        }

        writer.Line(creation).Open();
        foreach (var i in initialized)
        {
            writer.Line($"{properties[i].PropertyName} = {ClaimCode.Convert(properties[i], "claim" + i)},");
        }

        writer.Close(";");
    }

    private static void WriteWriter(IndentedWriter writer, ClaimsRecordModel model)
    {
        writer.Line($"void global::StreamChat.Claims.IClaimsFormat<{model.FullyQualifiedName}>.Write(global::StreamChat.Claims.ClaimsWriter writer, {model.FullyQualifiedName} claims)").Open();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var claim = model.Properties[i];
            ClaimCode.WriteWrite(writer, claim, "claims." + claim.PropertyName, ClaimCode.CanPreEncode(claim) ? "Name" + i : $"global::StreamChat.Claims.ClaimsTokenFactory.EncodeClaimName({ClaimCode.Literal(claim.ClaimName)})");
        }

        writer.Close();
    }
}
