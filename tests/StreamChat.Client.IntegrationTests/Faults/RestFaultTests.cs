using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;
using StreamChat.Tests.Shared;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>REST requests that meet a load balancer's error page, a dropped connection or a refusing server.</summary>
public sealed class RestFaultTests : FaultTest
{
    public enum StormFault
    {
        /// <summary>The retried requests meet a load balancer's 503 page.</summary>
        ServiceUnavailable,

        /// <summary>The retried requests find the server refusing connections.</summary>
        Refused,
    }

    [TestCase(502)]
    [TestCase(503)]
    public async Task Load_balancer_error_page_is_an_api_error_with_its_status_and_the_next_request_works(int status)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, _) = await world.ConnectAsync("mia");
        world.Proxy.Next(ConnectionKind.Rest, new NextConnection.AnswerStatus(status));

        var error = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "behind-lb"));
        var next = await client.QueryChannelAsync("messaging", "behind-lb").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatApiException>());
            var api = (ChatApiException)error!;
            Assert.That(api.StatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(api.Code, Is.EqualTo(StreamErrorCode.None));
            Assert.That(api.Message, Does.Not.Contain("<html").And.Not.Contain("nginx").And.Contain("retry later"));
            Assert.That(next.Cid, Is.EqualTo("messaging:behind-lb"));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [TestCase(DropMode.Fin)]
    [TestCase(DropMode.Reset)]
    public async Task Request_whose_connection_drops_in_flight_fails_with_a_connection_error(DropMode mode)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, _) = await world.ConnectAsync("ned");
        world.Proxy.Next(ConnectionKind.Rest, new NextConnection.Stall());

        var query = client.QueryChannelAsync("messaging", "in-flight");
        await Eventually.HoldsAsync(() => world.Proxy.Held == 1);
        world.Proxy.Drop(ConnectionKind.Rest, mode);
        var error = await Outcome.OfAsync(query);
        var next = await client.QueryChannelAsync("messaging", "in-flight").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>());
            Assert.That(next.Cid, Is.EqualTo("messaging:in-flight"));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Request_that_gets_no_answer_fails_after_the_request_timeout_with_a_connection_error()
    {
        // On a fake clock the WebSocket handshake cannot time out; the REST timeout is HttpClient's, on the wall clock.
        await using var world = await FaultHarness.StartAsync(new FakeTimeProvider(DateTimeOffset.UtcNow));
        var (client, _) = await world.ConnectAsync("noa", config => config.RequestTimeout = TimeSpan.FromMilliseconds(300));
        world.Proxy.Next(ConnectionKind.Rest, new NextConnection.Stall());

        var error = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "unanswered"));

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>().With.InnerException.InstanceOf<TimeoutException>());
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [TestCase(DropMode.Fin)]
    [TestCase(DropMode.Reset)]
    public async Task Response_cut_after_its_head_fails_with_a_connection_error(DropMode mode)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, _) = await world.ConnectAsync("nic");
        await client.QueryChannelAsync("messaging", "cut-response").Guard();
        world.Proxy.Next(ConnectionKind.Rest, new NextConnection.CutResponse(mode));

        var error = await Outcome.OfAsync(client.SendMessageAsync("messaging", "cut-response", "sent, but the answer is lost"));
        var next = await client.QueryChannelAsync("messaging", "cut-response").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.InstanceOf<ChatConnectionException>());
            Assert.That(next.Messages, Has.Count.EqualTo(1), "the message was stored: a retry would have sent it twice");
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [TestCase(StormFault.ServiceUnavailable)]
    [TestCase(StormFault.Refused)]
    public async Task Requests_queued_behind_a_refresh_that_meet_a_broken_network_each_complete_typed(StormFault fault)
    {
        const int Requests = 20;
        await using var world = await FaultHarness.StartAsync();
        var provider = world.Provider("ola");
        using var gate = new ResponseGate();
        var client = world.Client(provider, config => config.HttpMessageHandler = gate);
        await client.ConnectAsync().Guard();
        world.Server.Faults.RejectNextRequests(Requests);

        // Every request is on the wire and rejected before the client sees any answer: one refresh for the whole burst.
        gate.Close();
        var queued = Enumerable.Range(0, Requests).Select(i => client.QueryChannelAsync("messaging", "storm-" + i)).ToArray();
        await Eventually.HoldsAsync(() => world.Server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired) == Requests);
        if (fault == StormFault.ServiceUnavailable)
        {
            world.Proxy.Next(ConnectionKind.Rest, new NextConnection.AnswerStatus(503), count: Requests / 2);
        }
        else
        {
            world.Proxy.Refuse();
        }

        gate.Open();
        var outcomes = await Task.WhenAll(queued.Select(Outcome.OfAsync));
        world.Proxy.AcceptAgain();
        var after = await client.QueryChannelAsync("messaging", "after-storm").Guard();

        Assert.Multiple(() =>
        {
            Assert.That(provider.Calls, Is.EqualTo(2), "one refresh for the whole storm");
            if (fault == StormFault.ServiceUnavailable)
            {
                Assert.That(outcomes.Count(e => e is ChatApiException { StatusCode: HttpStatusCode.ServiceUnavailable }), Is.EqualTo(Requests / 2));
                Assert.That(outcomes.Count(e => e is null), Is.EqualTo(Requests / 2));
            }
            else
            {
                Assert.That(outcomes, Is.All.InstanceOf<ChatConnectionException>());
            }

            Assert.That(after.Cid, Is.EqualTo("messaging:after-storm"));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Connected));
        });
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Refused_connections_keep_the_reconnect_loop_going_until_the_server_is_back()
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, states) = await world.ConnectWatchingAsync("pia", "refused");

        await world.DropWhileRefusingAsync(states, attempts: 3);
        var whileRefused = await Outcome.OfAsync(client.QueryChannelAsync("messaging", "refused"));
        world.Proxy.AcceptAgain();
        await states.WaitForAsync(ConnectionState.Connected);

        Assert.That(whileRefused, Is.InstanceOf<ChatConnectionException>());
        await FaultHarness.AssertDeliversAsync(client, "refused");
        await world.AssertReleasedAsync(client);
    }
}
