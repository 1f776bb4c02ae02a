using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// One dev server on 127.0.0.1 for every scenario and both clients, its clock shiftable to expire tokens; runs each
/// scenario in a worker process of either client and collects what the worker, the backend and the server counted.
/// </summary>
internal sealed class E2eHarness : IAsyncDisposable
{
    private readonly DevServer.DevServer _server;
    private readonly TokenBackend _backend;

    private E2eHarness(DevServer.DevServer server, TokenBackend backend, string nodeVersion)
    {
        _server = server;
        _backend = backend;
        NodeVersion = nodeVersion;
    }

    /// <summary>The node the JS client runs on, for example <c>v20.20.2</c>.</summary>
    public string NodeVersion { get; }

    public static async Task<E2eHarness> StartAsync()
    {
        var nodeVersion = await NodePackages.EnsureInstalledAsync(ClientKinds.ScriptsDirectory);
        var clock = new ShiftableClock();
        var server = await DevServer.DevServer.StartAsync(new DevServerOptions
        {
            TimeProvider = clock,

            // The fan-out holds 1,000 watchers of each client plus the other scenarios' users: room for all, still bounded.
            MaxUsers = 50_000,
            MaxConnections = 5_000,
            MaxConnectionsPerUser = 1_000,
        });
        return new E2eHarness(server, new TokenBackend(server.ApiSecret, clock), nodeVersion);
    }

    public async Task<StormRun> StormAsync(ClientKind client, int n)
    {
        var (result, server, backendCalls, capped) = await RunAsync(client, Scenarios.Storm, Parameters($"storm-{client}-{n}", n));
        return result is null
            ? new StormRun(client, n, backendCalls, backendCalls, capped!.Value * 1000, 0, n, "capped", server, capped)
            : new StormRun(
                client,
                n,
                result["providerCalls"]!.GetValue<int>(),
                backendCalls,
                result["wallMs"]!.GetValue<double>(),
                result["succeeded"]!.GetValue<int>(),
                result["failed"]!.GetValue<int>(),
                result["firstError"]?.GetValue<string>(),
                server,
                null);
    }

    public Task<LatencyRun> ConnectAsync(ClientKind client, int count) =>
        LatencyAsync(client, Scenarios.Connect, Parameters($"connect-{client}", count) with { Warmup = E2eSizes.Warmup });

    public Task<LatencyRun> RestAsync(ClientKind client, int count) =>
        LatencyAsync(client, Scenarios.Rest, Parameters($"rest-{client}", count) with { Warmup = E2eSizes.Warmup });

    public Task<LatencyRun> FanOutAsync(ClientKind client, int watchers, int messages) =>
        LatencyAsync(client, Scenarios.FanOut, Parameters($"fanout-{client}-{watchers}", watchers) with { Warmup = E2eSizes.FanOutWarmup, Messages = messages, Concurrency = E2eSizes.ConnectConcurrency });

    public async ValueTask DisposeAsync()
    {
        _backend.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<LatencyRun> LatencyAsync(ClientKind client, string scenario, WorkerParameters parameters)
    {
        var (result, server, _, capped) = await RunAsync(client, scenario, parameters);
        return new LatencyRun(
            client,
            LatencySummary.Samples(result?["latenciesMs"]),
            result?["wallMs"]?.GetValue<double>(),
            result?["setupMs"]?.GetValue<double>(),
            result?["missing"]?.GetValue<int>() ?? 0,
            server,
            capped);
    }

    private async Task<(JsonObject? Result, ServerCounts Server, int BackendCalls, double? CappedAfterSeconds)> RunAsync(ClientKind client, string scenario, WorkerParameters parameters)
    {
        var before = Counts();
        _backend.ResetCount();
        var cap = E2eSizes.Cap(scenario);
        var result = await WorkerProcess.RunAsync(client.Worker(scenario, parameters), _backend.AnswerAsync, cap);
        var after = Counts();
        var server = new ServerCounts(after.Requests - before.Requests, after.Expired - before.Expired, after.Dropped - before.Dropped, after.ServerErrors - before.ServerErrors);
        return (result, server, _backend.ProviderCalls, result is null ? cap.TotalSeconds : null);
    }

    private ServerCounts Counts() => new(
        _server.Stats.RestRequests,
        _server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired),
        _server.Stats.DroppedConnections,
        _server.Stats.ServerErrors);

    private WorkerParameters Parameters(string channel, int count) =>
        new(_server.BaseUrl, _server.ApiKey, channel.ToLowerInvariant(), count);
}
