using StreamChat.Generators.Model;

namespace StreamChat.Generators.Emit;

/// <summary>Writes the typed provider factory <c>{Record}TokenProvider</c>, whose providers check every token against the record.</summary>
internal static class ProviderEmitter
{
    private const string Provider = "global::StreamChat.TokenProvider";
    private const string Token = "global::StreamChat.Token";
    private const string CancellationToken = "global::System.Threading.CancellationToken";
    private const string TaskOfToken = "global::System.Threading.Tasks.Task<global::StreamChat.Token>";
    private const string Endpoint = "global::StreamChat.TokenEndpoint";

    public static void Write(IndentedWriter writer, ClaimsRecordModel model)
    {
        var self = model.FullyQualifiedName;
        var cref = SourceEmitter.Cref(self);
        writer.Line($"/// <summary>Token providers whose tokens carry <see cref=\"{cref}\"/> claims: every token is checked against the record before the client uses it.</summary>");
        writer.Line(SourceEmitter.GeneratedCode);
        writer.Line($"{model.Accessibility} static class {model.DisplayName}TokenProvider").Open();

        writer.Line($"/// <summary>A provider that always gives <paramref name=\"token\"/>, after checking at once that its claims fit <see cref=\"{cref}\"/>. It never refreshes.</summary>");
        writer.Line("/// <param name=\"token\">The token.</param>");
        writer.Line("/// <returns>The provider.</returns>");
        writer.Line("/// <exception cref=\"global::StreamChat.TokenFormatException\">The token's claims do not fit the record; the exception names the claim.</exception>");
        writer.Line("[global::StreamChat.Annotations.StaticTokenApi]");
        writer.Line($"public static {Provider} Static({Token} token)").Open();
        writer.Line($"{self}.FromToken(token);");
        writer.Line($"return {Provider}.Static(token);").Close();
        writer.Line();

        writer.Line("/// <summary>The recommended provider: <paramref name=\"fetch\"/> gets a token from your backend whenever one is needed; each token is checked against the record before it is used.</summary>");
        writer.Line("/// <param name=\"fetch\">Fetches a token; it must honour the cancellation token.</param>");
        writer.Line("/// <returns>The provider. A fetched token whose claims do not fit fails the request with a <see cref=\"global::StreamChat.TokenFormatException\"/>.</returns>");
        writer.Line($"public static {Provider} Closure(global::System.Func<{CancellationToken}, {TaskOfToken}> fetch)").Open();
        writer.Line("if (fetch is null)").Open().Line("throw new global::System.ArgumentNullException(nameof(fetch));").Close();
        writer.Line($"return {Provider}.Closure(async cancellationToken => Checked(await CallFetch(fetch(cancellationToken)).ConfigureAwait(false)));").Close();
        writer.Line();

        writer.Line("/// <summary>The recommended provider, in the form that receives the client asking for the token; each token is checked against the record before it is used.</summary>");
        writer.Line("/// <param name=\"fetch\">Fetches a token for the given client; it must honour the cancellation token.</param>");
        writer.Line("/// <returns>The provider. A fetched token whose claims do not fit fails the request with a <see cref=\"global::StreamChat.TokenFormatException\"/>.</returns>");
        writer.Line($"public static {Provider} Closure(global::System.Func<global::StreamChat.ChatClient, {CancellationToken}, {TaskOfToken}> fetch)").Open();
        writer.Line("if (fetch is null)").Open().Line("throw new global::System.ArgumentNullException(nameof(fetch));").Close();
        writer.Line($"return {Provider}.Closure(async (client, cancellationToken) => Checked(await CallFetch(fetch(client, cancellationToken)).ConfigureAwait(false)));").Close();
        writer.Line();

        if (model.CanUseHttpClient)
        {
            writer.Line("/// <summary>The recommended provider when your backend has a token endpoint (<c>MapChatTokenEndpoint</c>): gets <c>{\"token\":…}</c> from <paramref name=\"endpoint\"/> whenever one is needed; each token is checked against the record before it is used.</summary>");
            writer.Line("/// <param name=\"httpClient\">Carries the user's login for your backend (a cookie, a bearer token).</param>");
            writer.Line("/// <param name=\"endpoint\">The endpoint, for example <c>https://your.backend/chat/token</c>; https, or http to this machine.</param>");
            writer.Line("/// <returns>The provider. A failed fetch is a <see cref=\"global::StreamChat.TokenEndpointException\"/>; a token whose claims do not fit, a <see cref=\"global::StreamChat.TokenFormatException\"/>.</returns>");
            writer.Line($"public static {Provider} FromEndpoint(global::System.Net.Http.HttpClient httpClient, global::System.Uri endpoint) => FromEndpoint(new {Endpoint}(httpClient, endpoint));");
            writer.Line();
        }

        writer.Line("/// <summary>The provider of <c>FromEndpoint(HttpClient, Uri)</c>, for an endpoint built with its own HTTP client factory; each token is checked against the record before it is used.</summary>");
        writer.Line("/// <param name=\"endpoint\">The endpoint.</param>");
        writer.Line("/// <returns>The provider.</returns>");
        writer.Line($"public static {Provider} FromEndpoint({Endpoint} endpoint)").Open();
        writer.Line("if (endpoint is null)").Open().Line("throw new global::System.ArgumentNullException(nameof(endpoint));").Close();
        writer.Line("return Closure(cancellationToken => endpoint.FetchAsync(cancellationToken));").Close();
        writer.Line();

        writer.Line($"/// <summary>A provider of development tokens carrying <paramref name=\"claims\"/>. The chat server accepts them only when the app's auth checks are disabled: never use it in production.</summary>");
        writer.Line("/// <param name=\"claims\">The claims of the user to connect as.</param>");
        writer.Line("/// <returns>The provider.</returns>");
        writer.Line("[global::StreamChat.Annotations.DevelopmentTokenApi]");
        writer.Line($"public static {Provider} Development({self} claims)").Open();
        NullCheck(writer, model, "claims");
        writer.Line("return global::StreamChat.Claims.ClaimsTokenFactory.DevelopmentProvider(claims.ToDevelopmentToken());").Close();
        writer.Line();

        writer.Line("/// <summary>A self-refreshing provider that signs a fresh token with <paramref name=\"claims\"/> whenever one is needed: for servers, bots and tests that hold the API secret.</summary>");
        writer.Line("/// <param name=\"claims\">The claims of every token.</param>");
        writer.Line("/// <param name=\"key\">The signing key made from the API secret.</param>");
        writer.Line("/// <param name=\"lifetime\">How long each token is valid; more than zero.</param>");
        writer.Line("/// <param name=\"timeProvider\">The clock for <c>iat</c> and <c>exp</c>; the system clock when null.</param>");
        writer.Line("/// <returns>The provider.</returns>");
        writer.Line($"public static {Provider} Signed({self} claims, global::StreamChat.Jwt.JwtSigningKey key, global::System.TimeSpan lifetime, global::System.TimeProvider? timeProvider = null)").Open();
        NullCheck(writer, model, "claims");
        writer.Line("if (key is null)").Open().Line("throw new global::System.ArgumentNullException(nameof(key));").Close();
        writer.Line("if (lifetime <= global::System.TimeSpan.Zero)").Open()
            .Line("throw new global::System.ArgumentOutOfRangeException(nameof(lifetime), \"A token's lifetime must be more than zero.\");").Close();
        writer.Line("var clock = timeProvider ?? global::System.TimeProvider.System;");
        writer.Line($"return {Provider}.Closure(cancellationToken =>").Open();
        writer.Line("cancellationToken.ThrowIfCancellationRequested();");
        writer.Line("return global::System.Threading.Tasks.Task.FromResult(claims.Sign(key, lifetime, clock.GetUtcNow()));").Close(");").Close();
        writer.Line();

        writer.Line($"private static {TaskOfToken} CallFetch({TaskOfToken}? fetching) =>");
        writer.Line("    fetching ?? throw new global::System.InvalidOperationException(\"The token provider's callback returned a null task; return the task that fetches the token.\");");
        writer.Line();
        writer.Line($"private static {Token} Checked({Token}? token)").Open();
        writer.Line("if (token is null)").Open()
            .Line("throw new global::System.InvalidOperationException(\"The token provider's callback returned null; return a Token, or throw to report why none could be fetched.\");").Close();
        writer.Line($"{self}.FromToken(token);");
        writer.Line("return token;").Close();
        writer.Close();
    }

    private static void NullCheck(IndentedWriter writer, ClaimsRecordModel model, string parameter)
    {
        if (!model.IsValueType)
        {
            writer.Line($"if ({parameter} is null)").Open().Line($"throw new global::System.ArgumentNullException(nameof({parameter}));").Close();
        }
    }
}
