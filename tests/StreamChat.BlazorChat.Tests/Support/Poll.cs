using System;
using System.Threading.Tasks;

namespace StreamChat.BlazorChat.Tests.Support;

/// <summary>Waits for a condition on the servers' side, bounded by the hang guard (nothing is timed).</summary>
internal static class Poll
{
    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + HangGuard.Limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("the condition did not hold within the hang guard");
            }

            await Task.Delay(20);
        }
    }
}
