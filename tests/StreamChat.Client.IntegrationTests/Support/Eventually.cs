using System;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

internal static class Eventually
{
    /// <summary>Waits until <paramref name="condition"/> holds (for state another process updates on its own schedule); hangs are guarded.</summary>
    public static Task HoldsAsync(Func<bool> condition) => Poll(condition).Guard();

    private static async Task Poll(Func<bool> condition)
    {
        while (!condition())
        {
            await Task.Delay(5);
        }
    }
}
