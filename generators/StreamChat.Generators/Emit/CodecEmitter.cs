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
        WriteTable(writer, model);
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

    // The claims, read by the runtime's table: what each is, by index; the enum claims' members beside it.
    private static void WriteTable(IndentedWriter writer, ClaimsRecordModel model)
    {
        writer.Line($"private static readonly global::StreamChat.Claims.ClaimTable Table = new({ClaimCode.Literal(model.DisplayName)},");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            writer.Line($"    {ClaimCode.Spec(model.Properties[i])}{(i == model.Properties.Count - 1 ? ");" : ",")}");
        }

        for (var i = 0; i < model.Properties.Count; i++)
        {
            var claim = model.Properties[i];
            if (claim.Kind == ClaimKind.Enum)
            {
                writer.Line();
                writer.Line($"private static readonly {claim.TypeName}[] Members{i} = {{ {string.Join(", ", ClaimCode.EnumMembersRead(claim).Select(m => $"{claim.TypeName}.{m.MemberName}"))} }};");
            }
        }
    }

    private static void WriteReader(IndentedWriter writer, ClaimsRecordModel model, string nullableSelf)
    {
        writer.Line($"global::StreamChat.TokenFormatException? global::StreamChat.Claims.IClaimsFormat<{model.FullyQualifiedName}>.Read({TokenType} token, out {nullableSelf} claims)").Open();
        writer.Line("var error = Table.Read(token, out var values);");
        WriteConstruction(writer, model);
        writer.Line("return error;").Close();
        writer.Line();
    }

    // The record is made only when the table found no error: one argument or initializer per line, unless there is one.
    private static void WriteConstruction(IndentedWriter writer, ClaimsRecordModel model)
    {
        var properties = model.Properties.ToList();
        var arguments = model.ConstructorParameters.Select(p => properties.FindIndex(c => c.PropertyName == p)).Select(i => ClaimCode.Value(properties[i], i)).ToList();
        var initialized = Enumerable.Range(0, properties.Count).Where(i => !model.ConstructorParameters.Contains(properties[i].PropertyName)).ToList();
        if (arguments.Count == 1 && initialized.Count == 0)
        {
            writer.Line($"claims = error is null ? new {model.FullyQualifiedName}({arguments[0]}) : default;");
            return;
        }

        writer.Line("claims = error is null");
        writer.Line($"    ? new {model.FullyQualifiedName}(" + (arguments.Count == 0 ? ")" : string.Empty));
        for (var i = 0; i < arguments.Count; i++)
        {
            writer.Line($"        {arguments[i]}{(i == arguments.Count - 1 ? ")" : ",")}");
        }

        if (initialized.Count > 0)
        {
            writer.Line("    {");
            foreach (var i in initialized)
            {
                writer.Line($"        {properties[i].PropertyName} = {ClaimCode.Value(properties[i], i)},");
            }

            writer.Line("    }");
        }

        writer.Line("    : default;");
        writer.Line();
    }

    private static void WriteWriter(IndentedWriter writer, ClaimsRecordModel model)
    {
        writer.Line($"void global::StreamChat.Claims.IClaimsFormat<{model.FullyQualifiedName}>.Write(global::StreamChat.Claims.ClaimsWriter writer, {model.FullyQualifiedName} claims)").Open();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var claim = model.Properties[i];
            ClaimCode.WriteWrite(writer, claim, "claims." + claim.PropertyName, $"Table.Name({i})");
        }

        writer.Close();
    }
}
