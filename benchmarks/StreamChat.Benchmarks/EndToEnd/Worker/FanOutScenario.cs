using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>
/// Fan-out: N clients (N users) watch one channel; a sender posts M messages (after a few untimed ones) one after another,
/// each once every watcher has the previous one (or its wait timed out). Delivery latency is from just before the send to
/// each watcher's event.
/// </summary>
internal static class FanOutScenario
{
    public static async Task<JsonObject> RunAsync(WorkerParameters parameters, HarnessChannel harness)
    {
        var (watchers, messages) = (parameters.Count, parameters.Warmup + parameters.Messages);
        var tokens = await harness.TokensAsync([.. Enumerable.Range(0, watchers).Select(i => $"fan-cs-{i}"), "fan-cs-sender"]);
        var receivedAt = new long[messages * watchers];
        var delivered = new int[messages];
        var everyone = Enumerable.Range(0, messages).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();

        await using var sender = new ChatClient(CSharpWorker.Config(parameters), CSharpWorker.Fetched(tokens[watchers]));
        await sender.ConnectAsync();
        await sender.QueryChannelAsync("messaging", parameters.Channel);

        var clients = new ChatClient[watchers];
        var setup = Stopwatch.GetTimestamp();
        await ForEachAsync(watchers, parameters.Concurrency, async i =>
        {
            var client = clients[i] = new ChatClient(CSharpWorker.Config(parameters), CSharpWorker.Fetched(tokens[i]));
            client.MessageReceived += (_, e) =>
            {
                var now = Stopwatch.GetTimestamp();
                var index = int.Parse(e.Message.Text, CultureInfo.InvariantCulture);
                receivedAt[(index * watchers) + i] = now;
                if (Interlocked.Increment(ref delivered[index]) == watchers)
                {
                    everyone[index].TrySetResult();
                }
            };
            await client.ConnectAsync();
            await client.QueryChannelAsync("messaging", parameters.Channel, watch: true);
        });
        var setupTime = Stopwatch.GetElapsedTime(setup);

        var sentAt = new long[messages];
        for (var m = 0; m < messages; m++)
        {
            sentAt[m] = Stopwatch.GetTimestamp();
            await sender.SendMessageAsync("messaging", parameters.Channel, m.ToString(CultureInfo.InvariantCulture));
            await Task.WhenAny(everyone[m].Task, Task.Delay(parameters.DeliveryTimeoutMs));
        }

        var latencies = new List<double>(parameters.Messages * watchers);
        for (var m = parameters.Warmup; m < messages; m++)
        {
            for (var i = 0; i < watchers; i++)
            {
                var at = Volatile.Read(ref receivedAt[(m * watchers) + i]);
                if (at != 0)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(sentAt[m], at).TotalMilliseconds);
                }
            }
        }

        await ForEachAsync(watchers, parameters.Concurrency, async i => await clients[i].DisposeAsync());
        return new JsonObject
        {
            ["setupMs"] = setupTime.TotalMilliseconds,
            ["missing"] = (parameters.Messages * watchers) - latencies.Count,
            ["latenciesMs"] = CSharpWorker.Milliseconds(latencies),
        };
    }

    private static async Task ForEachAsync(int count, int concurrency, Func<int, Task> action)
    {
        using var slots = new SemaphoreSlim(concurrency);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await slots.WaitAsync();
            try
            {
                await action(i);
            }
            finally
            {
                slots.Release();
            }
        }));
    }
}
