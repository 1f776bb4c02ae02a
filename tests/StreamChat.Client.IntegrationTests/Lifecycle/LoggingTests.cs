using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 item 8: no token or secret in logs, exception messages or ToString().</summary>
[Category("Lifecycle")]
public sealed class LoggingTests
{
    [Test]
    public async Task A_full_session_logged_at_trace_level_contains_no_token_and_no_secret()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        var serverLogs = new CapturingLoggerProvider();
        using var serverLoggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(serverLogs));
        await using var server = await Loopback.StartServerAsync(loggerFactory: serverLoggerFactory);
        using var issuer = Loopback.Issuer(server);
        var sentTokens = new ConcurrentBag<string>();
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "tina", call));
        var config = Loopback.Config(server, loggerFactory: loggerFactory);
        config.HttpMessageHandler = new RecordingHandler(sentTokens);
        var errors = new ConcurrentBag<Exception>();
        await using (var client = new ChatClient(config, provider.Provider))
        {
            var states = new StateRecorder(client);
            server.Faults.RejectNextConnects(1); // connect refreshes
            await client.ConnectAsync().Guard();
            await client.QueryChannelAsync("messaging", "logged", watch: true).Guard();
            server.Faults.RejectNextRequests(2); // requests refresh
            await client.SendMessageAsync("messaging", "logged", "one").Guard();
            server.Faults.RejectNextConnects(1);
            server.Faults.DropWebSockets(); // reconnect refreshes
            await states.WaitForAsync(ConnectionState.Reconnecting);
            await states.WaitForAsync(ConnectionState.Connected);
            server.Faults.RejectNextRequests(1, StreamErrorCode.TokenSignatureInvalid);
            errors.Add((await Assert.ThrowsAsync<ChatApiException>(() => client.QueryChannelAsync("messaging", "logged").Guard()))!);
            await client.SwitchUserAsync(TokenProvider.Guest("guest-tina")).Guard();
            errors.Add((await Assert.ThrowsAsync<ChatApiException>(() => client.SendMessageAsync("messaging", "logged", "guest").Guard()))!);
            await client.DisconnectAsync().Guard();
            errors.Add((await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.QueryChannelAsync("messaging", "logged").Guard()))!);
        }

        // The client's logs and errors, and the dev server's logs too: the whole session, both ends.
        var everything = logs.AllText + "\n" + string.Join("\n", errors.Select(e => e.ToString())) + "\n" + serverLogs.AllText;
        var secrets = sentTokens.Distinct().ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(secrets, Has.Length.GreaterThanOrEqualTo(4), "the session used several tokens (provider refreshes and the guest token)");
            Assert.That(logs.Entries, Has.Count.GreaterThan(20), "the session was logged");
            Assert.That(everything, Does.Contain("authorization=[redacted]"), "the connect URL was logged, redacted");
            Assert.That(everything, Does.Not.Contain(server.ApiSecret));
            foreach (var token in secrets)
            {
                Assert.That(everything, Does.Not.Contain(token));
                Assert.That(everything, Does.Not.Contain(token.Split('.')[2]), "not even the signature");
            }

            Assert.That(everything, Does.Not.Contain("eyJ"), "nothing shaped like a JWT");
        });
    }

    [Test]
    public void Typed_errors_and_token_descriptions_never_show_the_token()
    {
        using var issuer = new StreamChat.Server.UserTokenIssuer(new string('k', 48));
        var token = Token.Parse(issuer.CreateUserToken("uma"));
        var fromServer = new ChatApiException(40, System.Net.HttpStatusCode.Unauthorized, "token " + token.RawValue + " is expired");
        var fromProvider = new TokenProviderException(TokenProviderKind.Closure, TokenProviderFailure.SameTokenReturned, 3, null);

        Assert.Multiple(() =>
        {
            Assert.That(fromServer.Message, Does.Not.Contain(token.RawValue).And.Contain("[redacted]"));
            Assert.That(fromServer.ServerMessage, Does.Not.Contain(token.RawValue));
            Assert.That(fromProvider.Message, Does.Not.Contain("eyJ"));
            Assert.That(token.ToString(), Does.Not.Contain(token.RawValue));
        });
    }

    private sealed class RecordingHandler(ConcurrentBag<string> tokens) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("Authorization", out var values))
            {
                foreach (var value in values)
                {
                    tokens.Add(value);
                }
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
