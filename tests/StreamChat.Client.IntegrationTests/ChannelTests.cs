using System.Threading.Channels;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests;

/// <summary>The small channel API: watching delivers <c>message.new</c>, again after a reconnect.</summary>
[Category("Channels")]
public sealed class ChannelTests
{
    [Test]
    public async Task Watcher_receives_message_new_from_another_user()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var reader = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("reader"))));
        await using var writer = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("writer"))));
        var received = Channel.CreateUnbounded<MessageReceivedEventArgs>();
        reader.MessageReceived += (_, e) => received.Writer.TryWrite(e);
        await reader.ConnectAsync().Guard();
        await writer.ConnectAsync().Guard();
        await reader.QueryChannelAsync("messaging", "watched", watch: true).Guard();

        var sent = await writer.SendMessageAsync("messaging", "watched", "ping").Guard();
        var arrived = await received.Reader.ReadAsync().AsTask().Guard();

        Assert.Multiple(() =>
        {
            Assert.That(arrived.Cid, Is.EqualTo("messaging:watched"));
            Assert.That(arrived.Message.Id, Is.EqualTo(sent.Id));
            Assert.That(arrived.Message.Text, Is.EqualTo("ping"));
            Assert.That(arrived.Message.User?.Id, Is.EqualTo("writer"));
        });
    }

    [Test]
    public async Task Watched_channel_keeps_delivering_after_a_reconnect()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var reader = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("reader"))));
        await using var writer = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("writer"))));
        var received = Channel.CreateUnbounded<MessageReceivedEventArgs>();
        reader.MessageReceived += (_, e) => received.Writer.TryWrite(e);
        await reader.ConnectAsync().Guard();
        await writer.ConnectAsync().Guard();
        await reader.QueryChannelAsync("messaging", "resilient", watch: true).Guard();
        var states = new StateRecorder(reader);

        server.Faults.DropWebSockets();
        await states.WaitForAsync(ConnectionState.Connected);
        await writer.ConnectAsync().Guard(); // the writer's socket was dropped too
        await writer.SendMessageAsync("messaging", "resilient", "still there?").Guard();
        var arrived = await received.Reader.ReadAsync().AsTask().Guard();

        Assert.That(arrived.Message.Text, Is.EqualTo("still there?"));
    }

    [TestCase("..")]
    [TestCase("general/../../app")]
    [TestCase("general%2F..")]
    [TestCase("general?watch=true")]
    public async Task A_channel_id_that_could_change_the_url_never_reaches_the_server(string id)
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        await using var client = new ChatClient(Loopback.Config(server), TokenProvider.Static(Token.Parse(issuer.CreateUserToken("john"))));
        await client.ConnectAsync().Guard();
        await client.QueryChannelAsync("messaging", "general").Guard();
        var requests = server.Stats.RestRequests;

        Assert.That(async () => await client.QueryChannelAsync("messaging", id).Guard(), Throws.ArgumentException);
        Assert.That(async () => await client.SendMessageAsync("messaging", id, "hi").Guard(), Throws.ArgumentException);

        Assert.That(server.Stats.RestRequests, Is.EqualTo(requests));
    }
}
