using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Server;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// "Your backend" for both clients' token providers: answers the workers' requests with tokens signed on the dev server's
/// clock, counts the provider calls, and moves that clock on when a worker asks for its tokens to expire.
/// </summary>
internal sealed class TokenBackend : IDisposable
{
    /// <summary>How long issued tokens live; the expiry checkpoint moves the server's clock past it.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly UserTokenIssuer _issuer;
    private readonly ShiftableClock _clock;
    private int _providerCalls;

    public TokenBackend(string apiSecret, ShiftableClock clock)
    {
        _clock = clock;
        _issuer = new UserTokenIssuer(apiSecret, clock);
    }

    /// <summary>Provider calls (requests of kind <c>token</c>) since the last <see cref="ResetCount"/> or expiry.</summary>
    public int ProviderCalls => Volatile.Read(ref _providerCalls);

    public void ResetCount() => Interlocked.Exchange(ref _providerCalls, 0);

    /// <summary>Answers one worker request: <c>token</c> (a provider call), <c>tokens</c> (fetched ahead, not a provider call) or <c>expire</c>.</summary>
    public Task<JsonObject> AnswerAsync(JsonObject request)
    {
        switch (request["kind"]?.GetValue<string>())
        {
            case "token":
                Interlocked.Increment(ref _providerCalls);
                return Task.FromResult(new JsonObject { ["token"] = Issue(request["user"]!.GetValue<string>()) });
            case "tokens":
                var tokens = request["users"]!.AsArray().Select(user => (JsonNode?)Issue(user!.GetValue<string>()));
                return Task.FromResult(new JsonObject { ["tokens"] = new JsonArray([.. tokens]) });
            case "expire":
                _clock.Advance(Lifetime * 2);
                ResetCount(); // the calls that follow are the storm's
                return Task.FromResult(new JsonObject { ["ok"] = true });
            default:
                throw new InvalidOperationException($"Unknown request from a worker: {request["kind"]}");
        }
    }

    public void Dispose() => _issuer.Dispose();

    private string Issue(string userId) => _issuer.CreateUserToken(userId, Lifetime);
}
