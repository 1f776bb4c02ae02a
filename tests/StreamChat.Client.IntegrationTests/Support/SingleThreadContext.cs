using System;
using System.Collections.Concurrent;
using System.Threading;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// A <see cref="SynchronizationContext"/> with one thread of its own, like an app's UI thread: posted callbacks run
/// there one at a time, in order.
/// </summary>
internal sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State)> _queue = [];
    private readonly Thread _thread;
    private int _posted;

    public SingleThreadContext()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "test UI thread" };
        _thread.Start();
    }

    /// <summary>The context's thread.</summary>
    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Callbacks posted so far.</summary>
    public int Posted => Volatile.Read(ref _posted);

    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posted);
        _queue.Add((d, state));
    }

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("The client must never block on the app's thread.");

    public void Dispose() => _queue.CompleteAdding();

    private void Run()
    {
        SetSynchronizationContext(this);
        foreach (var (callback, state) in _queue.GetConsumingEnumerable())
        {
            callback(state);
        }
    }
}
