using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>
/// Revocation end to end: the server revokes the user's tokens (code 40, "revoked"), the client asks its provider
/// once for a token issued after the cutoff and the request goes through.
/// </summary>
[Category("Lifecycle")]
public sealed class RevocationTests
{
    [TestCase(false)]
    [TestCase(true)]
    public async Task Request_after_revocation_refreshes_once_and_succeeds(bool appWide)
    {
        var serverClock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await Loopback.StartServerAsync(serverClock: serverClock);
        using var issuer = Loopback.Issuer(server, serverClock);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "rita", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "before").Guard();

        // Tokens carry whole-second iat: the cutoff lies a second after the first token, the refresh a second later.
        serverClock.Advance(TimeSpan.FromSeconds(1));
        await RevokeAsync(server, issuer, serverClock.GetUtcNow(), appWide ? null : "rita");
        serverClock.Advance(TimeSpan.FromSeconds(1));

        var channel = await client.QueryChannelAsync("messaging", "after").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(channel.Cid, Is.EqualTo("messaging:after"));
            Assert.That(provider.Calls, Is.EqualTo(2), "one call to connect, one refresh after the revocation");
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(1));
        });
    }

    private static async Task RevokeAsync(LocalServer server, UserTokenIssuer issuer, DateTimeOffset cutoff, string? userId)
    {
        var when = cutoff.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        var (method, path, body) = userId is null
            ? (HttpMethod.Patch, "app", $$"""{"revoke_tokens_issued_before":"{{when}}"}""")
            : (HttpMethod.Post, "users/revoke_tokens", $$"""{"user_ids":["{{userId}}"],"revoke_tokens_issued_before":"{{when}}"}""");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(method, new Uri(server.BaseUrl, $"{path}?api_key={Uri.EscapeDataString(server.ApiKey)}"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", issuer.CreateServerToken());
        request.Headers.TryAddWithoutValidation("stream-auth-type", "jwt");
        using var response = await http.SendAsync(request).Guard();
        Assert.That(response.IsSuccessStatusCode, Is.True, await response.Content.ReadAsStringAsync());
    }
}
