using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>
/// Messages sent while a watcher's connection is down reach it after it reconnects (the protocol's <c>/sync</c>),
/// each once and in order. The sender talks to the server directly; only the watcher is behind the fault proxy.
/// </summary>
public sealed class MissedMessageTests : FaultTest
{
    [Test]
    public async Task Messages_sent_while_the_connection_is_down_arrive_after_the_reconnect_once_each_in_order()
    {
        await using var world = await FaultHarness.StartAsync();
        var (watcher, states) = await world.ConnectWatchingAsync("wes", "missed");
        var received = Record(watcher);
        await using var sender = await DirectSenderAsync(world, "sid", "missed");
        await SendAndAwaitAsync(sender, "missed", received, "before");

        await world.DropWhileRefusingAsync(states);
        var missed = new List<string>();
        for (var i = 1; i <= 5; i++)
        {
            missed.Add($"missed {i}");
            await sender.SendMessageAsync("messaging", "missed", $"missed {i}").Guard();
        }

        world.Proxy.AcceptAgain();
        await states.WaitForAsync(ConnectionState.Connected);
        await SendAndAwaitAsync(sender, "missed", received, "after");

        Assert.That(received.Select(e => e.Message.Text), Is.EqualTo(new[] { "before" }.Concat(missed).Append("after")));
        await sender.DisposeAsync(); // its connection goes too, so the server has none left
        await world.AssertReleasedAsync(watcher);
    }

    [Test]
    public async Task Messages_sent_across_repeated_drops_arrive_once_each_in_order()
    {
        await using var world = await FaultHarness.StartAsync();
        var (watcher, _) = await world.ConnectWatchingAsync("wyn", "drops");
        var received = Record(watcher);
        await using var sender = await DirectSenderAsync(world, "sal", "drops");

        var sent = new List<string>();
        for (var i = 1; i <= 60; i++)
        {
            if (i % 20 == 0)
            {
                // The reconnect races the sends that follow: some arrive live, some by sync, some both.
                world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
            }

            sent.Add($"message {i}");
            await sender.SendMessageAsync("messaging", "drops", $"message {i}").Guard();
        }

        await SendAndAwaitAsync(sender, "drops", received, "end");

        Assert.That(received.Select(e => e.Message.Text), Is.EqualTo(sent.Append("end")));
        await sender.DisposeAsync(); // its connection goes too, so the server has none left
        await world.AssertReleasedAsync(watcher);
    }

    [Test]
    public async Task A_failed_sync_is_asked_again_from_the_same_point_on_the_next_reconnect()
    {
        await using var world = await FaultHarness.StartAsync();
        var (watcher, states) = await world.ConnectWatchingAsync("wil", "resync");
        var received = Record(watcher);
        await using var sender = await DirectSenderAsync(world, "sam", "resync");
        await SendAndAwaitAsync(sender, "resync", received, "before");

        await world.DropWhileRefusingAsync(states);
        for (var i = 1; i <= 3; i++)
        {
            await sender.SendMessageAsync("messaging", "resync", $"missed {i}").Guard();
        }

        world.Server.Faults.RejectNextRequestsTo("/sync", 1, StreamErrorCode.InputError); // the recovery's sync fails once
        world.Proxy.AcceptAgain();
        await states.WaitForAsync(ConnectionState.Connected);
        await SendAndAwaitAsync(sender, "resync", received, "between"); // live events still arrive; the missed ones not yet
        Assert.That(received.Select(e => e.Message.Text), Is.EqualTo(new[] { "before", "between" }), "the failed sync raised nothing");

        await world.DropWhileRefusingAsync(states);
        world.Proxy.AcceptAgain();
        await states.WaitForAsync(ConnectionState.Connected);
        await SendAndAwaitAsync(sender, "resync", received, "after");

        // The second sync starts where the failed one did: the missed messages arrive, the ones already seen do not again.
        Assert.That(received.Select(e => e.Message.Text), Is.EqualTo(new[] { "before", "between", "missed 1", "missed 2", "missed 3", "after" }));
        Assert.That(world.Logs.AllText, Does.Contain("Could not recover the messages missed while reconnecting"), "the sync failed as armed");
        Assert.That(world.Logs.AllText, Does.Contain("Recovered 5 missed messages of 1 watched channels"), "the second sync from the old point: before, the 3 missed and between; the seen ones raised once");
        await sender.DisposeAsync(); // its connection goes too, so the server has none left
        await world.AssertReleasedAsync(watcher);
    }

    private static ConcurrentQueue<MessageReceivedEventArgs> Record(ChatClient client)
    {
        var received = new ConcurrentQueue<MessageReceivedEventArgs>();
        client.MessageReceived += (_, e) => received.Enqueue(e);
        return received;
    }

    private static async Task<ChatClient> DirectSenderAsync(FaultHarness world, string userId, string channelId)
    {
        var sender = new ChatClient(Loopback.Config(world.Server), world.Provider(userId).Provider);
        await sender.ConnectAsync().Guard();
        await sender.QueryChannelAsync("messaging", channelId).Guard();
        return sender;
    }

    private static async Task SendAndAwaitAsync(ChatClient sender, string channelId, ConcurrentQueue<MessageReceivedEventArgs> received, string text)
    {
        await sender.SendMessageAsync("messaging", channelId, text).Guard();
        await Eventually.HoldsAsync(() => received.Any(e => e.Message.Text == text));
    }
}
