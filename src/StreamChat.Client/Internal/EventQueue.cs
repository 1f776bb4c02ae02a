using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.Extensions.Logging;
using StreamChat.Logging;

namespace StreamChat.Internal;

/// <summary>
/// Raises a client's events one at a time, in the order they were queued: on the given <see cref="SynchronizationContext"/>
/// when there is one (an app's UI thread), else on the thread pool. Queuing never waits for a handler, so no lock is held
/// and no task that a close awaits is inside a handler while it runs: a handler may dispose, disconnect or switch the user.
/// </summary>
/// <remarks>
/// Nothing is dropped: the queue is unbounded, so a handler slower than the events it gets makes it grow. The drain runs
/// at most <see cref="BatchSize"/> events per turn, then queues itself again, so a busy UI thread still gets to its other work.
/// </remarks>
internal sealed class EventQueue(SynchronizationContext? context, ILogger logger)
{
    private const int BatchSize = 64;

    private static readonly SendOrPostCallback DrainCallback = static state => ((EventQueue)state!).Drain();
    private static readonly WaitCallback PoolCallback = static state => ((EventQueue)state!).Drain();

    private readonly Queue<Action> _pending = new();
    private bool _scheduled;

    /// <summary>Queues <paramref name="raise"/>; it runs after every event queued before it. Never runs it inline.</summary>
    public void Post(Action raise)
    {
        lock (_pending)
        {
            _pending.Enqueue(raise);
            if (_scheduled)
            {
                return;
            }

            _scheduled = true;
        }

        Schedule();
    }

    private void Schedule()
    {
        if (context is not null)
        {
            context.Post(DrainCallback, this);
        }
        else
        {
            ThreadPool.QueueUserWorkItem(PoolCallback, this);
        }
    }

    private void Drain()
    {
        for (var ran = 0; ; ran++)
        {
            Action next;
            lock (_pending)
            {
                if (_pending.Count == 0)
                {
                    _scheduled = false;
                    return;
                }

                if (ran == BatchSize)
                {
                    break; // still scheduled: the next turn goes on where this one stopped
                }

                next = _pending.Dequeue();
            }

            try
            {
                next();
            }
            catch (Exception exception)
            {
                Log.HandlerFailed(logger, exception);
            }
        }

        Schedule();
    }
}
