using System;
using System.Text.Json.Nodes;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>What one scenario run is given, the same for the C# and the node worker (one JSON argument).</summary>
/// <param name="BaseUrl">The dev server.</param>
/// <param name="ApiKey">The app's API key.</param>
/// <param name="Channel">The channel of this run (each client and size gets its own).</param>
/// <param name="Count">N: concurrent requests (storm), connects, sequential queries, or watchers (fan-out).</param>
/// <param name="Warmup">Untimed rounds first (connects, queries, fan-out messages), so both runtimes have compiled their paths.</param>
/// <param name="Messages">Fan-out: messages sent one after another.</param>
/// <param name="Concurrency">Fan-out: how many watchers connect at a time.</param>
/// <param name="DeliveryTimeoutMs">Fan-out: how long to wait for one message to reach every watcher before sending the next.</param>
internal sealed record WorkerParameters(
    Uri BaseUrl,
    string ApiKey,
    string Channel,
    int Count,
    int Warmup = 0,
    int Messages = 0,
    int Concurrency = 1,
    int DeliveryTimeoutMs = 10_000)
{
    public string ToJson() => new JsonObject
    {
        ["baseUrl"] = BaseUrl.ToString().TrimEnd('/'),
        ["apiKey"] = ApiKey,
        ["channel"] = Channel,
        ["count"] = Count,
        ["warmup"] = Warmup,
        ["messages"] = Messages,
        ["concurrency"] = Concurrency,
        ["deliveryTimeoutMs"] = DeliveryTimeoutMs,
    }.ToJsonString();

    public static WorkerParameters Parse(string json)
    {
        var o = JsonNode.Parse(json)!.AsObject();
        return new WorkerParameters(
            new Uri(o["baseUrl"]!.GetValue<string>()),
            o["apiKey"]!.GetValue<string>(),
            o["channel"]!.GetValue<string>(),
            o["count"]!.GetValue<int>(),
            o["warmup"]!.GetValue<int>(),
            o["messages"]!.GetValue<int>(),
            o["concurrency"]!.GetValue<int>(),
            o["deliveryTimeoutMs"]!.GetValue<int>());
    }
}
