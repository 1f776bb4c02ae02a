using System;
using System.Threading.Tasks;

namespace StreamChat.Client.Tests;

/// <summary>
/// Channel types and ids are checked on the client before they become part of a URL (ids by the dev server's rule, types
/// the same without '!'), so no value can reach another path, add a query or cut the URL short.
/// </summary>
public class ChannelIdTests
{
    private static readonly string LongestId = new('a', 64);

    [TestCase("..")]
    [TestCase(".")]
    [TestCase("a/b")]
    [TestCase("../../app")]
    [TestCase("a%2Fb")]
    [TestCase("%2e%2e")]
    [TestCase("a?b=c")]
    [TestCase("a#b")]
    [TestCase("a\\b")]
    [TestCase("a&b")]
    [TestCase("a b")]
    [TestCase("a:b")]
    [TestCase("a.b")]
    [TestCase("a\u0000b")]
    [TestCase("caf\u00e9")]
    [TestCase("\u0130d")]
    [TestCase("")]
    [TestCase(" ")]
    public async Task An_id_outside_the_rules_is_refused_before_any_request(string id)
    {
        await using var client = NewClient();

        var query = await Assert.ThrowsAsync<ArgumentException>(() => client.QueryChannelAsync("messaging", id));
        var send = await Assert.ThrowsAsync<ArgumentException>(() => client.SendMessageAsync("messaging", id, "hi"));

        Assert.Multiple(() =>
        {
            Assert.That(query!.ParamName, Is.EqualTo("id"));
            Assert.That(query.Message, Does.Contain("channel id may only contain ASCII letters, digits, '_', '-' and '!' (1 to 64 characters)"));
            Assert.That(send!.ParamName, Is.EqualTo("id"));
        });
    }

    [TestCase("..")]
    [TestCase("a/b")]
    [TestCase("a%2Fb")]
    [TestCase("team!")]
    [TestCase("a?b")]
    [TestCase("")]
    public async Task A_type_outside_the_rules_is_refused_before_any_request(string type)
    {
        await using var client = NewClient();

        var query = await Assert.ThrowsAsync<ArgumentException>(() => client.QueryChannelAsync(type, "general"));
        var send = await Assert.ThrowsAsync<ArgumentException>(() => client.SendMessageAsync(type, "general", "hi"));

        Assert.Multiple(() =>
        {
            Assert.That(query!.ParamName, Is.EqualTo("type"));
            Assert.That(query.Message, Does.Contain("channel type may only contain ASCII letters, digits, '_' and '-'"));
            Assert.That(send!.ParamName, Is.EqualTo("type"));
        });
    }

    [Test]
    public async Task An_id_of_65_characters_is_too_long()
    {
        await using var client = NewClient();

        Assert.That(
            await Assert.ThrowsAsync<ArgumentException>(() => client.QueryChannelAsync("messaging", LongestId + "a")),
            Has.Property(nameof(ArgumentException.ParamName)).EqualTo("id"));
    }

    [Test]
    public async Task Null_type_or_id_is_an_argument_null_error()
    {
        await using var client = NewClient();

        var type = await Assert.ThrowsAsync<ArgumentNullException>(() => client.QueryChannelAsync(null!, "general"));
        var id = await Assert.ThrowsAsync<ArgumentNullException>(() => client.SendMessageAsync("messaging", null!, "hi"));

        Assert.That((type!.ParamName, id!.ParamName), Is.EqualTo(("type", "id")));
    }

    [TestCase("messaging", "general")]
    [TestCase("live_stream-2", "a_B-9")]
    [TestCase("messaging", "!members-aGVsbG8")]
    [TestCase("messaging", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task Ids_within_the_rules_pass_the_check(string type, string id)
    {
        await using var client = NewClient();

        // Not connected: passing the check is what lets the call get as far as needing a connection.
        await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.QueryChannelAsync(type, id));
        await Assert.ThrowsAsync<ChatDisconnectedException>(() => client.SendMessageAsync(type, id, "hi"));
    }

    private static ChatClient NewClient() =>
        new(new ChatClientConfig("key") { BaseUrl = new Uri("http://127.0.0.1:9/") }, TokenProvider.Development("john"));
}
