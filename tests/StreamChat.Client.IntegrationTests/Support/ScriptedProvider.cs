using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// A closure token provider whose every call is counted and observable: <paramref name="behaviour"/> gets the call
/// number (1-based) and the cancellation token the client passed.
/// </summary>
internal sealed class ScriptedProvider(Func<int, CancellationToken, Task<Token>> behaviour)
{
    private readonly Channel<int> _calls = Channel.CreateUnbounded<int>();
    private int _count;

    public ScriptedProvider(Func<int, Token> tokens)
        : this((call, _) => Task.FromResult(tokens(call)))
    {
    }

    public int Calls => Volatile.Read(ref _count);

    /// <summary>The cancellation tokens the client passed, by call number.</summary>
    public ConcurrentDictionary<int, CancellationToken> CancellationTokens { get; } = new();

    public TokenProvider Provider => TokenProvider.Closure(ct =>
    {
        var call = Interlocked.Increment(ref _count);
        CancellationTokens[call] = ct;
        _calls.Writer.TryWrite(call);
        return behaviour(call, ct);
    });

    /// <summary>Waits until call number <paramref name="call"/> has started.</summary>
    public async Task WaitForCallAsync(int call)
    {
        while (Calls < call)
        {
            await _calls.Reader.ReadAsync().AsTask().Guard();
        }
    }
}
