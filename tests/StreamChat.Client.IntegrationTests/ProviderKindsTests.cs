using System;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests;

/// <summary>The seed page's five token providers, each against the dev server over loopback.</summary>
[Category("Providers")]
public sealed class ProviderKindsTests
{
    [Test]
    public async Task Static_provider_connects_and_sends_with_a_server_issued_token()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var client = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("alice"))));

        var user = await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "general").Guard();
        var message = await client.SendMessageAsync("messaging", "general", "hello").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("alice"));
            Assert.That(client.ConnectionId, Is.Not.Null.And.Not.Empty);
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
            Assert.That(message.Text, Is.EqualTo("hello"));
            Assert.That(message.User?.Id, Is.EqualTo("alice"));
        });
    }

    [Test]
    public async Task Closure_provider_receives_the_client_and_its_token_is_used()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        ChatClient? seen = null;
        var provider = TokenProvider.Closure((chatClient, _) =>
        {
            seen = chatClient;
            return Task.FromResult(Token.Parse(issuer.CreateUserToken("bob", TimeSpan.FromHours(1))));
        });
        await using var client = new ChatClient(Loopback.Config(server), provider);

        var user = await client.ConnectAsync().Guard();
        var channel = await client.QueryChannelAsync("messaging", "closure").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(seen, Is.SameAs(client));
            Assert.That(user.Id, Is.EqualTo("bob"));
            Assert.That(channel.Cid, Is.EqualTo("messaging:closure"));
        });
    }

    [Test]
    public async Task Development_provider_connects_and_writes_when_auth_checks_are_disabled()
    {
        await using var server = await Loopback.StartServerAsync(disableAuthChecks: true);
        await using var client = new ChatClient(Loopback.Config(server), TokenProvider.Development("dev-user"));

        var user = await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "dev").Guard();
        var message = await client.SendMessageAsync("messaging", "dev", "from a development token").Guard();

        Assert.That(user.Id, Is.EqualTo("dev-user"));
        Assert.That(message.User?.Id, Is.EqualTo("dev-user"));
    }

    [Test]
    public async Task Development_provider_is_refused_with_code_5_when_auth_checks_are_on()
    {
        await using var server = await Loopback.StartServerAsync(disableAuthChecks: false);
        await using var client = new ChatClient(Loopback.Config(server), TokenProvider.Development("dev-user"));

        var error = await Assert.ThrowsAsync<ChatApiException>(() => client.ConnectAsync().Guard());

        Assert.That(error!.Code, Is.EqualTo(StreamErrorCode.AuthenticationFailed));
        Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
    }

    [Test]
    public async Task Guest_provider_gets_its_token_from_the_server_and_has_the_guest_role()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var owner = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("owner"))));
        await owner.ConnectAsync().Guard();
        await owner.QueryChannelAsync("livestream", "show").Guard();
        await owner.QueryChannelAsync("messaging", "private").Guard();
        await using var guest = new ChatClient(Loopback.Config(server), TokenProvider.Guest("visitor", "Visiting Vera"));

        var user = await guest.ConnectAsync().Guard();
        var posted = await guest.SendMessageAsync("livestream", "show", "hi from a guest").Guard();
        var refused = await Assert.ThrowsAsync<ChatApiException>(() => guest.SendMessageAsync("messaging", "private", "not allowed").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(user.Id, Is.EqualTo("visitor"));
            Assert.That(user.Role, Is.EqualTo("guest"));
            Assert.That(user.Name, Is.EqualTo("Visiting Vera"));
            Assert.That(posted.User?.Id, Is.EqualTo("visitor"));
            Assert.That(refused!.Code, Is.EqualTo(StreamErrorCode.NotAllowed));
        });
    }

    [Test]
    public async Task Anonymous_provider_reads_a_livestream_channel_and_writing_fails_with_code_17()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var host = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("host"))));
        await host.ConnectAsync().Guard();
        await host.QueryChannelAsync("livestream", "launch").Guard();
        await host.SendMessageAsync("livestream", "launch", "lift-off").Guard();
        await using var anonymous = new ChatClient(Loopback.Config(server), TokenProvider.Anonymous);

        await anonymous.ConnectAsync().Guard();
        var channel = await anonymous.QueryChannelAsync("livestream", "launch").Guard();
        var refused = await Assert.ThrowsAsync<ChatApiException>(() => anonymous.SendMessageAsync("livestream", "launch", "me too").Guard());

        Assert.Multiple(() =>
        {
            Assert.That(channel.Messages, Has.Some.Matches<ChatMessage>(m => m!.Text == "lift-off"));
            Assert.That(refused!.Code, Is.EqualTo(StreamErrorCode.NotAllowed));
            Assert.That((int)refused.StatusCode, Is.EqualTo(403));
        });
    }
}
