using System;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests;

/// <summary>The WebSocket <c>/connect</c>: first health.check, health-check replies, error frame then close 1000.</summary>
public sealed class WebSocketTests : DevServerTest
{
    [Test]
    public async Task First_frame_is_health_check_with_connection_id_and_me()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"), userDetails: new JsonObject { ["id"] = "alice", ["name"] = "Alice" });
        var first = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
            Assert.That(first?["connection_id"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(first?["cid"]?.GetValue<string>(), Is.EqualTo("*"));
            Assert.That(first?["me"]?["id"]?.GetValue<string>(), Is.EqualTo("alice"));
            Assert.That(first?["me"]?["name"]?.GetValue<string>(), Is.EqualTo("Alice"));
            Assert.That(first?["me"]?["role"]?.GetValue<string>(), Is.EqualTo("user"));
            Assert.That(first?["created_at"]?.GetValue<string>(), Does.StartWith("2026-11-28T12:00:00"));
            Assert.That(Server.Stats.WebSocketConnects, Is.EqualTo(1));
            Assert.That(Server.Stats.OpenWebSockets, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Client_health_check_gets_a_health_check_reply()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        var first = await ws.ReceiveAsync();
        await ws.SendAsync("""[{"type":"health.check","client_id":"alice--1"}]""");
        var reply = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(reply?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
            Assert.That(reply?["connection_id"]?.GetValue<string>(), Is.EqualTo(first?["connection_id"]?.GetValue<string>()));
        });
    }

    [Test]
    public async Task Health_check_sent_as_a_bare_object_is_answered_too()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await ws.ReceiveAsync();
        await ws.SendAsync("""{"type":"health.check"}""");
        Assert.That((await ws.ReceiveAsync())?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
    }

    [Test]
    public async Task Other_client_frames_are_ignored_and_the_connection_stays_open()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await ws.ReceiveAsync();
        await ws.SendAsync("not json at all");
        await ws.SendAsync("""[{"type":"health.check","client_id":"c"}]""");
        Assert.That((await ws.ReceiveAsync())?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
    }

    [Test]
    public async Task Oversized_client_frame_closes_the_connection_with_message_too_big()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"));
        await ws.ReceiveAsync();
        await ws.SendAsync(new string('x', 65 * 1024));
        Assert.Multiple(async () =>
        {
            Assert.That(await ws.ReceiveAsync(), Is.Null);
            Assert.That(ws.CloseStatus, Is.EqualTo(WebSocketCloseStatus.MessageTooBig));
        });
    }

    [Test]
    public async Task Connect_as_a_user_creates_the_user_from_user_details()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "bob", UserToken("bob"), userDetails: new JsonObject { ["id"] = "bob", ["role"] = "admin", ["color"] = "blue" });
        var me = (await ws.ReceiveAsync())?["me"];
        Assert.Multiple(() =>
        {
            Assert.That(me?["color"]?.GetValue<string>(), Is.EqualTo("blue"));
            Assert.That(me?["role"]?.GetValue<string>(), Is.EqualTo("user"), "a client cannot pick its own role");
        });
    }

    [Test]
    public async Task User_details_up_to_the_custom_data_cap_fit_in_the_connect_url()
    {
        // Spaces take three characters each once URL-encoded: about 15 KB of URL, past Kestrel's 8 KiB default line.
        var bio = new string(' ', 4900);
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"), userDetails: new JsonObject { ["id"] = "alice", ["bio"] = bio });
        var first = await ws.ReceiveAsync();
        Assert.That(first?["me"]?["bio"]?.GetValue<string>(), Is.EqualTo(bio), first?.ToJsonString());
    }

    [TestCase(StreamErrorCode.TokenSignatureInvalid)]
    [TestCase(StreamErrorCode.TokenExpired)]
    [TestCase(StreamErrorCode.TokenNotValidYet)]
    [TestCase(StreamErrorCode.TokenIssuedInFuture)]
    [TestCase(StreamErrorCode.AuthenticationFailed)]
    [TestCase(StreamErrorCode.InvalidApiKeyOrMissingAuth)]
    public async Task Bad_credentials_get_the_error_frame_then_close_1000(StreamErrorCode expected)
    {
        await using var ws = await ConnectWithAsync(expected);
        var frame = await ws.ReceiveAsync();
        var error = frame?["error"];
        Assert.Multiple(() =>
        {
            Assert.That(error?["code"]?.GetValue<int>(), Is.EqualTo((int)expected), frame?.ToJsonString());
            Assert.That(error?["StatusCode"]?.GetValue<int>(), Is.EqualTo(401));
            Assert.That(error?["message"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(error?["duration"]?.GetValue<string>(), Does.EndWith("ms"));
            Assert.That(error?["more_info"]?.GetValue<string>(), Does.StartWith("https://"));
        });
        Assert.That(await ws.ReceiveAsync(), Is.Null, "the server closes after the error frame");
        Assert.Multiple(() =>
        {
            Assert.That(ws.CloseStatus, Is.EqualTo(WebSocketCloseStatus.NormalClosure));
            Assert.That(Server.Stats.RejectedWithCode(expected), Is.EqualTo(1));
            Assert.That(Server.Stats.WebSocketConnects, Is.Zero);
        });
    }

    [Test]
    public async Task Refused_client_that_never_answers_the_close_is_let_go_after_the_send_timeout()
    {
        using var refused = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "alice", UserToken("alice"), apiKey: "wrong"));
        var error = await refused.ReceiveJsonAsync();
        var close = await refused.ReceiveFrameAsync();
        Assert.Multiple(() =>
        {
            Assert.That(error["error"]?["code"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(close?.Opcode, Is.EqualTo(RawWebSocket.Close));
        });

        // The client does not answer the close; the server's clock passes the send timeout and the server hangs up.
        Clock.Advance(TimeSpan.FromSeconds(11));
        Assert.That(await refused.ReceiveFrameAsync(), Is.Null, "the connection ended");
    }

    [Test]
    public async Task Client_that_never_answers_the_servers_close_is_let_go_after_the_send_timeout()
    {
        using var client = await RawWebSocket.ConnectAsync(Server, ConnectUrl.Target(Server, "alice", UserToken("alice")));
        await client.ReceiveJsonAsync();
        await client.SendFrameAsync(RawWebSocket.Binary, [1]);
        Assert.That(await client.ReceiveCloseStatusAsync(), Is.EqualTo(1003));

        // The server waits for the client's close frame on its own clock; moved past the send timeout, it hangs up.
        await Eventually.HoldsAsync(
            () =>
            {
                Clock.Advance(TimeSpan.FromSeconds(11));
                return client.EndedByServer;
            },
            "the server ends the connection");
    }

    [Test]
    public async Task Missing_json_parameter_is_code_4()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"), json: "");
        var frame = await ws.ReceiveAsync();
        Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public async Task Malformed_json_parameter_is_code_4()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "alice", UserToken("alice"), json: "{\"user_id\":");
        var frame = await ws.ReceiveAsync();
        Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(4));
    }

    [Test]
    public async Task User_id_that_differs_from_the_token_is_code_5()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "mallory", UserToken("alice"));
        var frame = await ws.ReceiveAsync();
        Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(5));
    }

    [Test]
    public async Task Anonymous_connect_gets_an_anonymous_me()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "visitor-1", token: null, authType: "anonymous");
        var first = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(first?["type"]?.GetValue<string>(), Is.EqualTo("health.check"));
            Assert.That(first?["me"]?["role"]?.GetValue<string>(), Is.EqualTo("anonymous"));
        });
    }

    [Test]
    public async Task Server_token_connects_as_the_user_it_names()
    {
        await using var ws = await WsClient.ConnectAsync(Server, "bot", ServerToken());
        Assert.That((await ws.ReceiveAsync())?["me"]?["id"]?.GetValue<string>(), Is.EqualTo("bot"));
    }

    [Test]
    public async Task Server_token_without_a_user_id_is_code_4()
    {
        await using var ws = await WsClient.ConnectAsync(Server, userId: null, ServerToken());
        var frame = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(4));
            Assert.That(frame?["error"]?["StatusCode"]?.GetValue<int>(), Is.EqualTo(400));
        });
    }

    [Test]
    public async Task Plain_http_request_to_connect_is_code_4()
    {
        var response = await Api.SendAsync(System.Net.Http.HttpMethod.Get, "/connect");
        response.AssertError(StreamErrorCode.InputError, System.Net.HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task Revoked_token_is_refused_on_connect_with_code_40()
    {
        var token = UserToken("alice");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var revoke = await Api.SendAsync(System.Net.Http.HttpMethod.Patch, "/app", $$"""{"revoke_tokens_issued_before":"{{Clock.GetUtcNow():O}}"}""", ServerToken());
        Assert.That(revoke.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), revoke.Body.ToJsonString());

        await using var ws = await WsClient.ConnectAsync(Server, "alice", token);
        var frame = await ws.ReceiveAsync();
        Assert.Multiple(() =>
        {
            Assert.That(frame?["error"]?["code"]?.GetValue<int>(), Is.EqualTo(40));
            Assert.That(frame?["error"]?["message"]?.GetValue<string>(), Does.Contain("revoked"));
        });
    }

    private Task<WsClient> ConnectWithAsync(StreamErrorCode code)
    {
        switch (code)
        {
            case StreamErrorCode.TokenSignatureInvalid:
                using (var other = new UserTokenIssuer(new string('z', 40), Clock))
                {
                    return WsClient.ConnectAsync(Server, "alice", other.CreateUserToken("alice"));
                }

            case StreamErrorCode.TokenExpired:
                var expiring = Issuer.CreateUserToken("alice", TimeSpan.FromSeconds(30));
                Clock.Advance(TimeSpan.FromMinutes(1));
                return WsClient.ConnectAsync(Server, "alice", expiring);
            case StreamErrorCode.TokenNotValidYet:
                using (var key = new StreamChat.Jwt.JwtSigningKey(Server.ApiSecret))
                {
                    var notYet = key.Sign(System.Text.Encoding.UTF8.GetBytes($$"""{"user_id":"alice","nbf":{{Start.AddHours(1).ToUnixTimeSeconds()}}}"""));
                    return WsClient.ConnectAsync(Server, "alice", notYet);
                }

            case StreamErrorCode.TokenIssuedInFuture:
                return WsClient.ConnectAsync(Server, "alice", Issuer.CreateUserToken("alice", null, Start.AddHours(1)));
            case StreamErrorCode.AuthenticationFailed:
                return WsClient.ConnectAsync(Server, "alice", Token.Development("alice").RawValue);
            case StreamErrorCode.InvalidApiKeyOrMissingAuth:
                return WsClient.ConnectAsync(Server, "alice", UserToken("alice"), apiKey: "wrong");
            default:
                throw new ArgumentOutOfRangeException(nameof(code));
        }
    }
}
