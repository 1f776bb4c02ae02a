using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using StreamChat.DevServer;
using StreamChat.Server;

namespace StreamChat.Benchmarks.Telemetry;

/// <summary>
/// The client's hot paths (a channel query, a message send: session, token manager, REST transport, parsing) with nobody
/// listening and with an OpenTelemetry-like listener on the client's source and meter (every span sampled, every
/// instrument enabled). REST answers are replayed from memory (recorded once from a dev server), so the network does not
/// drown the difference; the WebSocket is a real one to the dev server. The file uses public API only, so the same
/// benchmark runs against the code before the telemetry (docs/benchmarks.md, "Telemetry").
/// </summary>
public class TelemetryOverheadBenchmarks
{
    private DevServer.DevServer _server = null!;
    private UserTokenIssuer _issuer = null!;
    private ChatClient _client = null!;
    private ActivityListener? _activities;
    private MeterListener? _meters;

    [Params(false, true)]
    public bool Listening { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await DevServer.DevServer.StartAsync();
        _issuer = new UserTokenIssuer(_server.ApiSecret, TimeProvider.System);
        var config = new ChatClientConfig(_server.ApiKey) { BaseUrl = _server.BaseUrl, HttpMessageHandler = new ReplayHandler() };
        _client = new ChatClient(config, TokenProvider.Closure(_ => Task.FromResult(new Token(_issuer.CreateUserToken("bench", DateTimeOffset.UtcNow.AddHours(1))))));
        await _client.ConnectAsync();
        await _client.QueryChannelAsync("messaging", "bench"); // recorded, then replayed
        await _client.SendMessageAsync("messaging", "bench", "hello");
        if (Listening)
        {
            Listen();
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _activities?.Dispose();
        _meters?.Dispose();
        await _client.DisposeAsync();
        _issuer.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark]
    public Task<ChannelState> QueryChannel() => _client.QueryChannelAsync("messaging", "bench");

    [Benchmark]
    public Task<ChatMessage> SendMessage() => _client.SendMessageAsync("messaging", "bench", "hello");

    private void Listen()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "StreamChat.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "StreamChat.Client")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>(static (_, _, _, _) => { });
        _meters.SetMeasurementEventCallback<double>(static (_, _, _, _) => { });
        _meters.Start();
    }

    /// <summary>Forwards the first request of each method and path to the server, then answers from memory.</summary>
    private sealed class ReplayHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        private readonly ConcurrentDictionary<string, (System.Net.HttpStatusCode Status, byte[] Body)> _answers = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var key = request.Method.Method + " " + request.RequestUri!.AbsolutePath;
            if (!_answers.TryGetValue(key, out var answer))
            {
                using var response = await base.SendAsync(request, cancellationToken);
                answer = (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken));
                _answers[key] = answer;
            }

            return new HttpResponseMessage(answer.Status) { Content = new ByteArrayContent(answer.Body), RequestMessage = request };
        }
    }
}
