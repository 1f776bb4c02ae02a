using System;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Client.IntegrationTests.Support;
using StreamChat.Client.IntegrationTests.Support.Proxy;

namespace StreamChat.Client.IntegrationTests.Faults;

/// <summary>
/// A <see cref="ChatClient.ConnectionStateChanged"/> handler that ends the client, blocking until it is done: raised from
/// a connect (which holds the lifecycle lock) or from the reconnect loop (which a close awaits), it must not deadlock.
/// </summary>
public sealed class HandlerReentrancyTests : FaultTest
{
    public enum HandlerCall
    {
        Dispose,
        DisposeAsync,
        DisconnectAsync,
        SwitchUserAsync,
    }

    [Test]
    public async Task Handler_of_Connected_may_end_or_switch_the_client_and_wait_for_it([Values] HandlerCall call)
    {
        await using var world = await FaultHarness.StartAsync();
        var client = world.Client(world.Provider("hal"));
        var done = OnFirst(client, ConnectionState.Connected, () => Act(world, client, call));

        await client.ConnectAsync().Guard();
        await done.Guard();

        await AssertEndedAsync(client, call);
        await world.AssertReleasedAsync(client);
    }

    [Test]
    public async Task Handler_of_Reconnecting_may_end_or_switch_the_client_and_wait_for_it([Values] HandlerCall call)
    {
        await using var world = await FaultHarness.StartAsync();
        var (client, _) = await world.ConnectAsync("ray");
        var done = OnFirst(client, ConnectionState.Reconnecting, () => Act(world, client, call));

        world.Proxy.Drop(ConnectionKind.WebSocket, DropMode.Reset);
        await done.Guard();

        await AssertEndedAsync(client, call);
        await world.AssertReleasedAsync(client);
    }

    // What a UI handler would do: block until the call is done.
    private static void Act(FaultHarness world, ChatClient client, HandlerCall call)
    {
        switch (call)
        {
            case HandlerCall.Dispose:
                client.Dispose();
                break;
            case HandlerCall.DisposeAsync:
                client.DisposeAsync().AsTask().GetAwaiter().GetResult();
                break;
            case HandlerCall.DisconnectAsync:
                client.DisconnectAsync().GetAwaiter().GetResult();
                break;
            case HandlerCall.SwitchUserAsync:
                client.SwitchUserAsync(world.Provider("other").Provider).GetAwaiter().GetResult();
                break;
        }
    }

    /// <summary>Runs <paramref name="act"/> in the handler of the first change into <paramref name="state"/>; completes when it returned.</summary>
    private static Task OnFirst(ChatClient client, ConnectionState state, Action act)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var fired = 0;
        client.ConnectionStateChanged += (_, change) =>
        {
            if (change.Current != state || Interlocked.Exchange(ref fired, 1) != 0)
            {
                return;
            }

            try
            {
                act();
                done.TrySetResult();
            }
            catch (Exception exception)
            {
                done.TrySetException(exception);
            }
        };
        return done.Task;
    }

    private static async Task AssertEndedAsync(ChatClient client, HandlerCall call)
    {
        if (call == HandlerCall.SwitchUserAsync)
        {
            await Eventually.HoldsAsync(() => client.State == ConnectionState.Connected);
            Assert.That(client.CurrentUser?.Id, Is.EqualTo("other"));
            return;
        }

        Assert.That(client.State, Is.EqualTo(ConnectionState.Disconnected));
        if (call == HandlerCall.DisconnectAsync)
        {
            Assert.That(() => client.QueryChannelAsync("messaging", "after"), Throws.InstanceOf<ChatDisconnectedException>());
        }
    }
}
