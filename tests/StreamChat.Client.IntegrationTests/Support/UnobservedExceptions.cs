using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>
/// Collects task exceptions nobody observed that concern this code base (the client, the dev server or the test
/// support): a fire-and-forget task that failed. They surface when the task is finalized, hence the forced collection.
/// </summary>
internal static class UnobservedExceptions
{
    private static readonly ConcurrentQueue<Exception> Seen = new();

    static UnobservedExceptions() => TaskScheduler.UnobservedTaskException += (_, e) =>
    {
        if (e.Exception.ToString().Contains("StreamChat.", StringComparison.Ordinal))
        {
            Seen.Enqueue(e.Exception);
        }
    };

    /// <summary>Finalizes whatever garbage is pending and returns (and forgets) what surfaced.</summary>
    public static IReadOnlyList<Exception> Collect()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        var found = new List<Exception>();
        while (Seen.TryDequeue(out var exception))
        {
            found.Add(exception);
        }

        return found;
    }
}
