using System;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Internal;

/// <summary>Delays, timeouts and waits driven by a <see cref="TimeProvider"/> on every target framework.</summary>
internal static class Timing
{
    public static Task Delay(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay <= TimeSpan.Zero)
        {
            return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
        }

#if NET8_0_OR_GREATER
        return Task.Delay(delay, timeProvider, cancellationToken);
#else
        return timeProvider.Delay(delay, cancellationToken);
#endif
    }

    /// <summary>A source cancelled after <paramref name="timeout"/>; <see langword="null"/> for an infinite timeout.</summary>
    public static CancellationTokenSource? CreateTimeoutSource(TimeProvider timeProvider, TimeSpan timeout)
    {
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return null;
        }

#if NET8_0_OR_GREATER
        return new CancellationTokenSource(timeout, timeProvider);
#else
        return timeProvider.CreateCancellationTokenSource(timeout);
#endif
    }

    /// <summary>Waits for <paramref name="task"/> but stops waiting when <paramref name="cancellationToken"/> fires (the task itself goes on).</summary>
    public static Task WaitAsync(Task task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        return WaitAsync(AsValued(task), cancellationToken);

        static async Task<bool> AsValued(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }
#endif
    }

    /// <summary>Waits for <paramref name="task"/> but stops waiting when <paramref name="cancellationToken"/> fires (the task itself goes on).</summary>
    public static Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
#if NET8_0_OR_GREATER
        return task.WaitAsync(cancellationToken);
#else
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return task;
        }

        return WaitSlowAsync(task, cancellationToken);

        static async Task<T> WaitSlowAsync(Task<T> task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static state => ((TaskCompletionSource<T>)state!).TrySetCanceled(), cancelled))
            {
                var first = await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
                if (first != task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return await task.ConfigureAwait(false);
        }
#endif
    }
}
