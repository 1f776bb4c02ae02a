using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Server;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>DESIGN §2 item 2: codes 2, 5, 41, 42 and 43 are terminal — a typed error at once, no refresh, no loop.</summary>
[Category("Lifecycle")]
public sealed class TerminalCodeTests
{
    private static readonly StreamErrorCode[] TerminalCodes =
    [
        StreamErrorCode.InvalidApiKeyOrMissingAuth,
        StreamErrorCode.AuthenticationFailed,
        StreamErrorCode.TokenNotValidYet,
        StreamErrorCode.TokenIssuedInFuture,
        StreamErrorCode.TokenSignatureInvalid,
    ];

    [TestCaseSource(nameof(TerminalCodes))]
    public async Task Terminal_code_on_a_request_fails_at_once_without_calling_the_provider(StreamErrorCode code)
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "frank", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(10, code);
        var requestsBefore = server.Stats.RestRequests;

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.QueryChannelAsync("messaging", "terminal").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(code));
            Assert.That((int)error.StatusCode, Is.EqualTo(401));
            Assert.That(provider.Calls, Is.EqualTo(1));
            Assert.That(server.Stats.RestRequests - requestsBefore, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Code_42_says_where_to_backdate_iat_for_both_ways_of_issuing()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "hal", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextRequests(1, StreamErrorCode.TokenIssuedInFuture);

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.QueryChannelAsync("messaging", "terminal").Guard());

        Assert.That(error!.Message, Does.Contain("UserTokenIssuer.IssuedAtBackdate").And.Contain("ChatTokenIssuerOptions.IssuedAtBackdate").And.Contain("\"Chat:IssuedAtBackdate\""));
    }

    [TestCaseSource(nameof(TerminalCodes))]
    public async Task Terminal_code_on_connect_fails_at_once_without_calling_the_provider_again(StreamErrorCode code)
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "gina", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        server.Faults.RejectNextConnects(10, code);

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.ConnectAsync().Guard());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Code, Is.EqualTo(code));
            Assert.That(provider.Calls, Is.EqualTo(1));
            Assert.That(server.Stats.RejectedWithCode(code), Is.EqualTo(1));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    [Test]
    public async Task Terminal_code_while_reconnecting_ends_the_connection_with_the_error_and_no_loop()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        var provider = new ScriptedProvider(call => Tokens.Issue(issuer, "hank", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);
        var states = new StateRecorder(client);
        await client.ConnectAsync().Guard();
        server.Faults.RejectNextConnects(10, StreamErrorCode.TokenSignatureInvalid);

        server.Faults.DropWebSockets();
        var ended = await states.WaitForAsync(ConnectionState.Disconnected);
        var afterwards = await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.QueryChannelAsync("messaging", "gone").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(ended.Error, Is.TypeOf<ChatApiException>().With.Property(nameof(ChatApiException.Code)).EqualTo(StreamErrorCode.TokenSignatureInvalid));
            Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenSignatureInvalid), Is.EqualTo(1));
            Assert.That(provider.Calls, Is.EqualTo(1));
            Assert.That(afterwards!.Reason, Is.EqualTo(DisconnectReason.ConnectionLost));
        });
    }

    [Test]
    public async Task Token_signed_with_another_secret_is_refused_with_43_and_the_provider_is_called_once()
    {
        await using var server = await Loopback.StartServerAsync();
        using var stranger = new UserTokenIssuer(Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        var provider = new ScriptedProvider(call => Tokens.Issue(stranger, "ivan", call));
        await using var client = new ChatClient(Loopback.Config(server), provider.Provider);

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.ConnectAsync().Guard());

        Assert.That(error!.Code, Is.EqualTo(StreamErrorCode.TokenSignatureInvalid));
        Assert.That(provider.Calls, Is.EqualTo(1));
    }
}
