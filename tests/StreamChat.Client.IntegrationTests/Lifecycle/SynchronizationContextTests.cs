using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;

namespace StreamChat.Client.IntegrationTests.Lifecycle;

/// <summary>With <see cref="ChatClientConfig.SynchronizationContext"/> set, every handler runs on that context (an app's UI thread).</summary>
public sealed class SynchronizationContextTests
{
    private const int Messages = 200;

    [Test]
    public async Task Every_handler_runs_on_the_given_context_in_order_and_none_is_lost()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        using var ui = new SingleThreadContext();
        var config = Loopback.Config(server);
        config.SynchronizationContext = ui;
        await using var reader = new ChatClient(config, new ScriptedProvider(call => Tokens.Issue(issuer, "uma", call)).Provider);
        var offContext = 0;
        var states = new ConcurrentQueue<ConnectionState>();
        var texts = new ConcurrentQueue<string>();
        reader.ConnectionStateChanged += (_, change) =>
        {
            CheckThread(ui, ref offContext);
            states.Enqueue(change.Current);
        };
        reader.MessageReceived += (_, e) =>
        {
            CheckThread(ui, ref offContext);
            texts.Enqueue(e.Message.Text);
        };
        await using var writer = new ChatClient(Loopback.Config(server), new ScriptedProvider(call => Tokens.Issue(issuer, "walt", call)).Provider);

        await reader.ConnectAsync().Guard();
        await reader.QueryChannelAsync("messaging", "ui", watch: true).Guard();
        await writer.ConnectAsync().Guard();
        var sent = Enumerable.Range(1, Messages).Select(i => $"message {i}").ToArray();
        foreach (var text in sent)
        {
            await writer.SendMessageAsync("messaging", "ui", text).Guard();
        }

        await Eventually.HoldsAsync(() => texts.Count == Messages);
        await reader.DisconnectAsync().Guard();
        await Eventually.HoldsAsync(() => states.LastOrDefault() == ConnectionState.Disconnected);

        Assert.Multiple(() =>
        {
            Assert.That(offContext, Is.Zero, "handlers that ran off the context");
            Assert.That(texts, Is.EqualTo(sent));
            Assert.That(states, Is.EqualTo(new[] { ConnectionState.Connecting, ConnectionState.Connected, ConnectionState.Disconnected }));
            Assert.That(ui.Posted, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task A_handler_on_the_context_may_dispose_the_client_without_deadlock()
    {
        await using var server = await Loopback.StartServerAsync();
        using var issuer = Loopback.Issuer(server);
        using var ui = new SingleThreadContext();
        var config = Loopback.Config(server);
        config.SynchronizationContext = ui;
        var client = new ChatClient(config, new ScriptedProvider(call => Tokens.Issue(issuer, "ugo", call)).Provider);
        var disposed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.ConnectionStateChanged += (_, change) =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                client.Dispose();
                disposed.TrySetResult(Environment.CurrentManagedThreadId);
            }
        };

        await client.ConnectAsync().Guard();
        var thread = await disposed.Task.Guard();
        await Eventually.HoldsAsync(() => server.Stats.OpenWebSockets == 0);

        Assert.Multiple(() =>
        {
            Assert.That(thread, Is.EqualTo(ui.ThreadId));
            Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        });
    }

    private static void CheckThread(SingleThreadContext ui, ref int offContext)
    {
        if (Environment.CurrentManagedThreadId != ui.ThreadId || SynchronizationContext.Current != ui)
        {
            Interlocked.Increment(ref offContext);
        }
    }
}
