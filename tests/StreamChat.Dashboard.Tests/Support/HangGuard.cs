using System;
using System.Threading.Tasks;

namespace StreamChat.Dashboard.Tests.Support;

/// <summary>Bounds waits on the server and clients so a bug fails a test instead of hanging the run. Nothing is timed.</summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static Task Guard(this Task task) => task.WaitAsync(Limit);

    public static Task<T> Guard<T>(this Task<T> task) => task.WaitAsync(Limit);
}
