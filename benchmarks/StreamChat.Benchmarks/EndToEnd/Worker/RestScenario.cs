using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>Sequential REST: one connected client queries one channel N times, one after another.</summary>
internal static class RestScenario
{
    public static async Task<JsonObject> RunAsync(WorkerParameters parameters, HarnessChannel harness)
    {
        var token = (await harness.TokensAsync(["rest-cs"]))[0];
        await using var client = new ChatClient(CSharpWorker.Config(parameters), CSharpWorker.Fetched(token));
        await client.ConnectAsync();
        for (var i = 0; i < parameters.Warmup; i++)
        {
            await client.QueryChannelAsync("messaging", parameters.Channel);
        }

        var latencies = new List<double>(parameters.Count);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < parameters.Count; i++)
        {
            var one = Stopwatch.GetTimestamp();
            await client.QueryChannelAsync("messaging", parameters.Channel);
            latencies.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
        }

        return new JsonObject { ["wallMs"] = Stopwatch.GetElapsedTime(start).TotalMilliseconds, ["latenciesMs"] = CSharpWorker.Milliseconds(latencies) };
    }
}
