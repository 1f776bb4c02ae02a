using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>
/// <c>--e2e-worker &lt;scenario&gt; &lt;parameters&gt;</c>: the C# client's side of one scenario, in its own process like the node
/// worker, so both clients are measured the same way against the harness's dev server.
/// </summary>
internal static class CSharpWorker
{
    public const string Command = "--e2e-worker";

    public static async Task<int> RunAsync(string[] args)
    {
        var harness = HarnessChannel.Open();
        try
        {
            var parameters = WorkerParameters.Parse(args[1]);
            JsonObject result = args[0] switch
            {
                Scenarios.Storm => await StormScenario.RunAsync(parameters, harness),
                Scenarios.Connect => await ConnectScenario.RunAsync(parameters, harness),
                Scenarios.Rest => await RestScenario.RunAsync(parameters, harness),
                Scenarios.FanOut => await FanOutScenario.RunAsync(parameters, harness),
                _ => throw new ArgumentException($"Unknown scenario '{args[0]}'."),
            };
            harness.ReportResult(result);
            return 0;
        }
        catch (Exception exception)
        {
            harness.ReportFailure(exception);
            return 1;
        }
    }

    /// <summary>The client's settings: the defaults, pointed at the dev server.</summary>
    public static ChatClientConfig Config(WorkerParameters parameters) => new(parameters.ApiKey) { BaseUrl = parameters.BaseUrl };

    /// <summary>A provider handing out a token fetched ahead, like a JS <c>async () =&gt; token</c>.</summary>
    public static TokenProvider Fetched(Token token) => TokenProvider.Closure(_ => Task.FromResult(token));

    /// <summary>Latencies as the node worker sends them: milliseconds to the microsecond, keeping the result line short.</summary>
    public static JsonArray Milliseconds(System.Collections.Generic.IEnumerable<double> values) => new([.. values.Select(v => (JsonNode?)Math.Round(v, 3))]);
}
