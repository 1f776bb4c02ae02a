using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.DevServer.Tests.Support;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests;

/// <summary>What the server logs: request lines and refusals, never the secret or a token (not even the WebSocket query).</summary>
public sealed class LoggingTests
{
    [Test]
    public async Task Logs_never_contain_the_secret_or_a_token()
    {
        var capture = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        var secrets = new System.Collections.Generic.List<string>();
        await using (var server = await DevServer.StartAsync(new DevServerOptions { LoggerFactory = loggerFactory }))
        {
            using var api = new ApiClient(server);
            using var issuer = new UserTokenIssuer(server.ApiSecret);
            var user = issuer.CreateUserToken("alice");
            var serverToken = issuer.CreateServerToken();
            using var foreign = new UserTokenIssuer(new string('q', 40));
            var forged = foreign.CreateUserToken("alice");
            secrets.AddRange([server.ApiSecret, user, serverToken, forged]);

            await api.PostAsync("/channels/messaging/log/query", "{}", user);
            await api.PostAsync("/channels/messaging/log/query", "{}", forged);
            await api.SendAsync(HttpMethod.Patch, "/app", """{"revoke_tokens_issued_before":null}""", serverToken);
            var guest = await api.AnonymousPostAsync("/guest", """{"user":{"id":"visitor"}}""");
            secrets.Add(guest.Body["access_token"]!.GetValue<string>());
            await using (var ws = await WsClient.ConnectAsync(server, "alice", user))
            {
                await ws.ReceiveAsync();
            }

            await using (var refused = await WsClient.ConnectAsync(server, "alice", forged))
            {
                await refused.ReceiveAsync();
            }
        }

        var log = string.Join("\n", capture.Lines);
        Assert.That(capture.Lines, Is.Not.Empty);
        Assert.That(log, Does.Contain("/channels/messaging/log/query"));
        foreach (var secret in secrets)
        {
            Assert.That(log, Does.Not.Contain(secret));
            Assert.That(log, Does.Not.Contain(secret.Split('.').Last()), "no signature either");
        }
    }
}
