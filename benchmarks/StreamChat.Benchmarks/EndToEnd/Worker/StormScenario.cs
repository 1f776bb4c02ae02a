using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>
/// Expiry storm: connect, then the harness moves the server's clock past the token's expiry, then N queries at once.
/// The provider asks the harness for each token (one provider call each).
/// </summary>
/// <remarks>
/// Answers are held until all N requests are issued (<see cref="ResponseGate"/>), so every one goes out with the expired
/// token. Node's single thread does this by itself: no answer is processed before the loop that issues the queries ends.
/// Without the hold, the first rejection comes back and the refresh finishes while the loop is still issuing, and most
/// requests go out with the new token (1, 182 and 604 rejections of 1,000 in three trial runs): not a storm.
/// </remarks>
internal static class StormScenario
{
    public static async Task<JsonObject> RunAsync(WorkerParameters parameters, HarnessChannel harness)
    {
        var calls = 0;
        var user = $"storm-cs-{parameters.Count}";
        var provider = TokenProvider.Closure(async cancellationToken =>
        {
            Interlocked.Increment(ref calls);
            return await harness.TokenAsync(user).WaitAsync(cancellationToken);
        });
        using var gate = new ResponseGate();
        var config = CSharpWorker.Config(parameters);
        config.HttpMessageHandler = gate;
        await using var client = new ChatClient(config, provider);
        await client.ConnectAsync();
        await client.QueryChannelAsync("messaging", parameters.Channel);
        await harness.AskAsync("expire");
        var callsBefore = Volatile.Read(ref calls);

        var start = Stopwatch.GetTimestamp();
        gate.Close();
        var storm = Enumerable.Range(0, parameters.Count).Select(_ => ErrorOf(client.QueryChannelAsync("messaging", parameters.Channel))).ToArray();
        gate.Open();
        var errors = await Task.WhenAll(storm);
        var wall = Stopwatch.GetElapsedTime(start);

        var failures = errors.Where(e => e is not null).ToList();
        return new JsonObject
        {
            ["providerCalls"] = Volatile.Read(ref calls) - callsBefore,
            ["wallMs"] = wall.TotalMilliseconds,
            ["succeeded"] = errors.Length - failures.Count,
            ["failed"] = failures.Count,
            ["firstError"] = failures.FirstOrDefault(),
        };
    }

    private static async Task<string?> ErrorOf(Task request)
    {
        try
        {
            await request;
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }
}
