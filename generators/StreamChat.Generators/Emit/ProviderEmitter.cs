using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>
/// Writes the typed provider factory <c>{Record}TokenProvider</c>, whose providers check every token against the record.
/// It holds the record's <c>ClaimsCodec</c> (the runtime half that does not depend on the record's shape), and each
/// factory is one call to it, documented by the codec's member it calls.
/// </summary>
internal static class ProviderEmitter
{
    private const string Provider = "global::StreamChat.TokenProvider";
    private const string Token = "global::StreamChat.Token";
    private const string FetchFunc = "global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::StreamChat.Token>>";
    private const string ClientFetchFunc = "global::System.Func<global::StreamChat.ChatClient, global::System.Threading.CancellationToken, global::System.Threading.Tasks.Task<global::StreamChat.Token>>";
    private const string Endpoint = "global::StreamChat.TokenEndpoint";
    private const string SignedParameters = "global::StreamChat.Jwt.JwtSigningKey key, global::System.TimeSpan lifetime, global::System.TimeProvider? timeProvider = null";
    private const string CodecCref = "global::StreamChat.Claims.ClaimsCodec{TClaims}";

    public static void Write(IndentedWriter writer, ClaimsRecordModel model)
    {
        var self = model.FullyQualifiedName;
        writer.Line($"/// <summary>Token providers whose tokens carry <see cref=\"{SourceEmitter.Cref(self)}\"/> claims: every token is checked against the record before the client uses it.</summary>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"{model.Accessibility} static class {model.DisplayName}TokenProvider").Open();
        writer.Line(SourceEmitter.NotBrowsable);
        writer.Line($"internal static readonly global::StreamChat.Claims.ClaimsCodec<{self}> StreamChatCodec = new({self}.StreamChatReadClaims, {self}.StreamChatWriteClaims);");
        writer.Line();

        Inherit(writer, "Static");
        writer.Line("[global::StreamChat.Annotations.StaticTokenApi]");
        writer.Line($"public static {Provider} Static({Token} token) => StreamChatCodec.Static(token);");
        writer.Line();
        Inherit(writer, $"Closure({FetchFunc.Replace('<', '{').Replace('>', '}')})");
        writer.Line($"public static {Provider} Closure({FetchFunc} fetch) => StreamChatCodec.Closure(fetch);");
        writer.Line();
        Inherit(writer, $"Closure({ClientFetchFunc.Replace('<', '{').Replace('>', '}')})");
        writer.Line($"public static {Provider} Closure({ClientFetchFunc} fetch) => StreamChatCodec.Closure(fetch);");
        writer.Line();
        if (model.CanUseHttpClient)
        {
            writer.Line("/// <inheritdoc cref=\"global::StreamChat.TokenProvider.FromEndpoint(global::System.Net.Http.HttpClient, global::System.Uri)\"/>");
            writer.Line($"public static {Provider} FromEndpoint(global::System.Net.Http.HttpClient httpClient, global::System.Uri endpoint) => StreamChatCodec.FromEndpoint(new {Endpoint}(httpClient, endpoint));");
            writer.Line();
        }

        Inherit(writer, "FromEndpoint");
        writer.Line($"public static {Provider} FromEndpoint({Endpoint} endpoint) => StreamChatCodec.FromEndpoint(endpoint);");
        writer.Line();
        Inherit(writer, "Development");
        writer.Line("[global::StreamChat.Annotations.DevelopmentTokenApi]");
        writer.Line($"public static {Provider} Development({self} claims) => StreamChatCodec.Development(claims);");
        writer.Line();
        Inherit(writer, "Signed");
        writer.Line($"public static {Provider} Signed({self} claims, {SignedParameters}) => StreamChatCodec.Signed(claims, key, lifetime, timeProvider);");
        writer.Close();
    }

    private static void Inherit(IndentedWriter writer, string member) =>
        writer.Line($"/// <inheritdoc cref=\"{CodecCref}.{member}\"/>");
}
