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

        progress($"connect latency, {sizes.Connects} connects");
        var connect = (await harness.ConnectAsync(ClientKind.CSharp, sizes.Connects), await harness.ConnectAsync(ClientKind.JavaScript, sizes.Connects));
        progress($"sequential REST, {sizes.RestQueries:N0} queries");
        var rest = (await harness.RestAsync(ClientKind.CSharp, sizes.RestQueries), await harness.RestAsync(ClientKind.JavaScript, sizes.RestQueries));
        progress($"fan-out, {sizes.FanOutWatchers:N0} watchers, {sizes.FanOutMessages} messages");
        var fanOut = (await harness.FanOutAsync(ClientKind.CSharp, sizes.FanOutWatchers, sizes.FanOutMessages), await harness.FanOutAsync(ClientKind.JavaScript, sizes.FanOutWatchers, sizes.FanOutMessages));
        return new E2eResults(sizes, harness.NodeVersion, storms, connect, rest, fanOut);
    }
}
