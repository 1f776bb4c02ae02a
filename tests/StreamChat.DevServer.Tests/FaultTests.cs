using System.Linq;
using System.Net;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests;

/// <summary>The in-process fault hooks: off by default, armed per call, scoped to user-token traffic.</summary>
public sealed class FaultTests : DevServerTest
{
    private const string QueryPath = "/channels/messaging/faults/query";

    [Test]
    public async Task Faults_are_off_by_default()
    {
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task RejectNextRequests_answers_exactly_the_next_N_user_requests_with_code_40()
    {
        Server.Faults.RejectNextRequests(2);
        var first = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        var second = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        var third = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        first.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        second.AssertError(StreamErrorCode.TokenExpired, HttpStatusCode.Unauthorized);
        Assert.Multiple(() =>
        {
            Assert.That(third.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.EqualTo(2));
            Assert.That(Server.Stats.RestRequests, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task RejectNextRequests_rejects_exactly_N_of_many_concurrent_requests()
    {
        Server.Faults.RejectNextRequests(5);
        var token = UserToken("alice");
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Api.PostAsync(QueryPath, "{}", token)));
        Assert.Multiple(() =>
        {
            Assert.That(responses.Count(r => r.Code == 40), Is.EqualTo(5));
            Assert.That(responses.Count(r => r.Status == HttpStatusCode.OK), Is.EqualTo(35));
        });
    }

    [Test]
    public async Task RejectNextRequests_uses_the_given_code()
    {
        Server.Faults.RejectNextRequests(1, StreamErrorCode.TokenSignatureInvalid);
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        response.AssertError(StreamErrorCode.TokenSignatureInvalid, HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task RejectNextRequestsTo_rejects_only_requests_to_its_path()
    {
        Server.Faults.RejectNextRequestsTo(QueryPath, 1, StreamErrorCode.InputError);
        var other = await Api.PostAsync("/channels/messaging/elsewhere/query", "{}", UserToken("alice"));
        var first = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        var second = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.OK), "another path is not touched and does not use the count up");
        first.AssertError(StreamErrorCode.InputError, HttpStatusCode.BadRequest);
        Assert.That(second.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void RejectNextRequestsTo_refuses_a_path_without_its_leading_slash()
    {
        var error = Assert.Throws<System.ArgumentException>(() => Server.Faults.RejectNextRequestsTo("sync", 1));
        Assert.That(error!.Message, Does.Contain("must start with '/'").And.Contain("\"sync\""));
    }

    [Test]
    public async Task RejectNextRequests_skips_guest_anonymous_and_server_token_requests()
    {
        Server.Faults.RejectNextRequests(1);
        var guest = await Api.AnonymousPostAsync("/guest", """{"user":{"id":"g1"}}""");
        var server = await Api.PostAsync(QueryPath, """{"data":{"created_by_id":"owner"}}""", ServerToken());
        await CreateChannelAsync("livestream", "show");
        var anonymous = await Api.AnonymousPostAsync("/channels/livestream/show/query", "{}");
        var user = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(guest.Status, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(server.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(anonymous.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(user.Code, Is.EqualTo(40), "the armed fault was still waiting for a user-token request");
        });
    }

    [Test]
    public async Task Reset_disarms_the_faults()
    {
        Server.Faults.RejectNextRequests(5);
        Server.Faults.RejectNextConnects(5);
        Server.Faults.Reset();
        var response = await Api.PostAsync(QueryPath, "{}", UserToken("alice"));
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        var frame = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(frame?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
        });
    }

    [Test]
    public async Task RejectNextConnects_sends_the_error_frame_then_lets_the_next_connect_in()
    {
        Server.Faults.RejectNextConnects(1);
        await using (var rejected = await WsClient.ConnectAsync(Server, "alice", UserToken("alice")))
        {
            var frame = await rejected.ReceiveAsync();
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(40));
            Assert.That(await rejected.ReceiveAsync(), Is.Null);
        }

        await using var accepted = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        Assert.That((await accepted.ReceiveAsync())?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
    }

    [Test]
    public async Task DropWebSockets_aborts_every_open_connection()
    {
        await using var alice = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await using var bob = await WsClient.ConnectAsync(Server, "bob", UserToken("bob"));
        await alice.ReceiveAsync();
        await bob.ReceiveAsync();

        var dropped = Server.Faults.DropWebSockets();

        Assert.That(dropped, Is.EqualTo(2));
        Assert.That(async () => await alice.ReceiveAsync(), Throws.InstanceOf<System.Net.WebSockets.WebSocketException>());
        Assert.That(Server.Stats.OpenWebSockets, Is.Zero);
    }
}
