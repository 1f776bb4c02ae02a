using System.Collections.Generic;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>Every scenario of one harness run, for both clients.</summary>
internal sealed record E2eResults(
    E2eSizes Sizes,
    string NodeVersion,
    IReadOnlyList<(StormRun CSharp, StormRun JavaScript)> Storms,
    (LatencyRun CSharp, LatencyRun JavaScript) Connect,
    (LatencyRun CSharp, LatencyRun JavaScript) Rest,
    (LatencyRun CSharp, LatencyRun JavaScript) FanOut)
{
    /// <summary>Starts the harness and runs every scenario, C# first then JS, one worker process at a time.</summary>
    public static async Task<E2eResults> MeasureAsync(E2eSizes sizes, System.Action<string> progress)
    {
        await using var harness = await E2eHarness.StartAsync();
        var storms = new List<(StormRun, StormRun)>();
        foreach (var n in sizes.StormRequests)
        {
            progress($"expiry storm, N = {n:N0}");
            storms.Add((await harness.StormAsync(ClientKind.CSharp, n), await harness.StormAsync(ClientKind.JavaScript, n)));
        }

        progress($"connect latency, {E2eSizes.Rounds} × {sizes.Connects} connects");
        var connect = await RoundsAsync(client => harness.ConnectAsync(client, sizes.Connects));
        progress($"sequential REST, {E2eSizes.Rounds} × {sizes.RestQueries:N0} queries");
        var rest = await RoundsAsync(client => harness.RestAsync(client, sizes.RestQueries));
        progress($"fan-out, {sizes.FanOutWatchers:N0} watchers, {sizes.FanOutMessages} messages");
        var fanOut = (await harness.FanOutAsync(ClientKind.CSharp, sizes.FanOutWatchers, sizes.FanOutMessages), await harness.FanOutAsync(ClientKind.JavaScript, sizes.FanOutWatchers, sizes.FanOutMessages));
        return new E2eResults(sizes, harness.NodeVersion, storms, connect, rest, fanOut);
    }

    // Alternating the clients, so a burst of load from elsewhere hits both.
    private static async Task<(LatencyRun CSharp, LatencyRun JavaScript)> RoundsAsync(System.Func<ClientKind, Task<LatencyRun>> round)
    {
        var (cs, js) = (new List<LatencyRun>(), new List<LatencyRun>());
        for (var i = 0; i < E2eSizes.Rounds; i++)
        {
            cs.Add(await round(ClientKind.CSharp));
            js.Add(await round(ClientKind.JavaScript));
        }

        return (LatencyRun.Pool(cs), LatencyRun.Pool(js));
    }
}
