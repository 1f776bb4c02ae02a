using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>
/// Writes the typed provider factory <c>{Record}TokenProvider</c>, whose providers check every token against the record.
/// It declares nothing: it inherits its factories (<c>Static</c>, <c>Closure</c>, <c>FromEndpoint</c>, <c>Development</c>,
/// <c>Signed</c>) from the runtime's <c>ClaimsTokenProviderFactory&lt;TClaims, TFormat&gt;</c>, or from
/// <c>HttpClaimsTokenProviderFactory</c>, which adds <c>FromEndpoint(HttpClient, Uri)</c>, when the compilation
/// references <c>HttpClient</c>.
/// </summary>
internal static class ProviderEmitter
{
    public static void Write(IndentedWriter writer, ClaimsRecordModel model)
    {
        var self = model.FullyQualifiedName;
        var factory = model.CanUseHttpClient ? "HttpClaimsTokenProviderFactory" : "ClaimsTokenProviderFactory";
        var name = Parsing.GeneratedNameRules.ProviderName(model.DisplayName);
        writer.Line($"/// <summary>Token providers whose tokens carry <see cref=\"{SourceEmitter.Cref(self)}\"/> claims: every token is checked against the record before the client uses it.</summary>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"{model.Accessibility} sealed class {name} : global::StreamChat.Claims.{factory}<{self}, {SourceEmitter.Format(model)}>").Open();
        writer.Line($"private {name}()").Open().Close();
        writer.Close();
    }
}
