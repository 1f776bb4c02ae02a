using System.Linq;
using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>Writes the members added to the claims record: <c>FromToken</c>, <c>TryFromToken</c>, <c>Sign</c>, <c>ToDevelopmentToken</c> (calls to the runtime's <c>ClaimsCodec</c>) and the payload reader and writer, the part that depends on the record's shape.</summary>
internal static class CodecEmitter
{
    private const string TokenType = "global::StreamChat.Token";
    private const string SignParameters = "global::StreamChat.Jwt.JwtSigningKey key, global::System.TimeSpan lifetime, global::System.DateTimeOffset issuedAt";
    private const string SignParameterDocs = "/// <inheritdoc cref=\"global::StreamChat.Claims.ITokenClaims.SignCompact\" path=\"/param\"/>";

    public static void Write(IndentedWriter writer, ClaimsRecordModel model)
    {
        var self = model.FullyQualifiedName;
        var cref = SourceEmitter.Cref(self);
        var nullableSelf = model.IsValueType ? self : self + "?";
        var @new = model.HidesInheritedMembers ? "new " : string.Empty;
        var codec = SourceEmitter.Codec(model);

        for (var i = 0; i < model.Properties.Count; i++)
        {
            if (ClaimCode.CanPreEncode(model.Properties[i]))
            {
                writer.Line($"private static readonly global::System.Text.Json.JsonEncodedText StreamChatName{i} = global::StreamChat.Claims.ClaimsTokenFactory.EncodeClaimName({ClaimCode.Literal(model.Properties[i].ClaimName)});");
            }
        }

        writer.Line();
        writer.Line($"/// <summary>Reads the claims of <paramref name=\"token\"/> as a <see cref=\"{cref}\"/>. The signature is not checked.</summary>");
        writer.Line("/// <param name=\"token\">The token.</param>");
        writer.Line("/// <returns>The claims.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"token\"/> is null.</exception>");
        writer.Line("/// <exception cref=\"global::StreamChat.TokenFormatException\">A required claim is missing or a claim does not fit its property; <see cref=\"global::StreamChat.TokenFormatException.ClaimName\"/> names it.</exception>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public static {@new}{self} FromToken({TokenType} token) => {codec}.FromToken(token);");
        writer.Line();

        writer.Line($"/// <summary>Reads the claims of <paramref name=\"token\"/> as a <see cref=\"{cref}\"/> without throwing. The signature is not checked.</summary>");
        writer.Line("/// <param name=\"token\">The token.</param>");
        writer.Line("/// <param name=\"claims\">The claims, or the default value when they do not fit.</param>");
        writer.Line("/// <returns>Whether the token's claims fit the record.</returns>");
        writer.Line(SourceEmitter.GeneratedCode);
        var notNullWhen = model.CanUseNotNullWhen && !model.IsValueType ? "[global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] " : string.Empty;
        writer.Line($"public static bool TryFromToken({TokenType}? token, {notNullWhen}out {nullableSelf} claims) => {codec}.TryFromToken(token, out claims);");
        writer.Line();

        writer.Line("/// <summary>Signs these claims into a user token (HS256), with <c>iat</c> and <c>exp</c> set from <paramref name=\"issuedAt\"/> and <paramref name=\"lifetime\"/>.</summary>");
        writer.Line(SignParameterDocs);
        writer.Line("/// <returns>The signed token.</returns>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public {@new}{TokenType} Sign({SignParameters}) => new {TokenType}(SignCompact(key, lifetime, issuedAt));");
        writer.Line();

        writer.Line("/// <summary>Signs these claims like <c>Sign</c> but returns only the compact JWT string, without reading it back: for a token endpoint that sends the string on.</summary>");
        writer.Line(SignParameterDocs);
        writer.Line("/// <returns>The signed token as <c>header.payload.signature</c>.</returns>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"public {@new}string SignCompact({SignParameters}) => {codec}.SignCompact(this, key, lifetime, issuedAt);");
        writer.Line();

        writer.Line($"string global::StreamChat.Claims.ITokenClaims.UserId => this.{model.UserIdProperty};");
        writer.Line();

        writer.Line("/// <summary>Makes an unsigned development token with these claims. The chat server accepts it only when the app's auth checks are disabled: never use it in production.</summary>");
        writer.Line("/// <returns>The development token.</returns>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line("[global::StreamChat.Annotations.DevelopmentTokenApi]");
        writer.Line($"public {@new}{TokenType} ToDevelopmentToken() => {codec}.ToDevelopmentToken(this);");
        writer.Line();

        WriteReader(writer, model, nullableSelf);
        WriteWriter(writer, model);
    }

    private static void WriteReader(IndentedWriter writer, ClaimsRecordModel model, string nullableSelf)
    {
        var recordName = ClaimCode.Literal(model.DisplayName);
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line(SourceEmitter.NotBrowsable);
        writer.Line($"internal static global::StreamChat.TokenFormatException? StreamChatReadClaims({TokenType} token, out {nullableSelf} claims)").Open();
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
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line(SourceEmitter.NotBrowsable);
        writer.Line($"internal static void StreamChatWriteClaims(global::System.Text.Json.Utf8JsonWriter writer, {model.FullyQualifiedName} claims)").Open();
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var claim = model.Properties[i];
            ClaimCode.WriteWrite(writer, claim, "claims." + claim.PropertyName, ClaimCode.CanPreEncode(claim) ? "StreamChatName" + i : ClaimCode.Literal(claim.ClaimName));
        }

        writer.Close();
    }
}
