using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>Connect latency: a new client per connect (tokens fetched ahead), timed from ConnectAsync to the connected user.</summary>
internal static class ConnectScenario
{
    public static async Task<JsonObject> RunAsync(WorkerParameters parameters, HarnessChannel harness)
    {
        var tokens = await harness.TokensAsync([.. Enumerable.Repeat("connect-cs", parameters.Warmup + parameters.Count)]);
        var latencies = new List<double>(parameters.Count);
        for (var i = 0; i < tokens.Length; i++)
        {
            await using var client = new ChatClient(CSharpWorker.Config(parameters), CSharpWorker.Fetched(tokens[i]));
            var start = Stopwatch.GetTimestamp();
            await client.ConnectAsync();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (i >= parameters.Warmup)
            {
                latencies.Add(elapsed.TotalMilliseconds);
            }
        }

        return new JsonObject { ["latenciesMs"] = CSharpWorker.Milliseconds(latencies) };
    }
}
