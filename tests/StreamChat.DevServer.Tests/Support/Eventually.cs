using System;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>Waits for a condition the server reaches on its own (a closed socket being forgotten), bounded by the hang guard.</summary>
internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        using var guard = HangGuard.Start();
        while (!condition())
        {
            try
            {
                await Task.Delay(10, guard.Token);
            }
            catch (OperationCanceledException)
            {
                throw new AssertionException($"Never happened: {what}");
            }
        }
    }
}
