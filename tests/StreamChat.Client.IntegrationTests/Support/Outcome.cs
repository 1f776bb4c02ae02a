using System;
using System.Threading.Tasks;

namespace StreamChat.Client.IntegrationTests.Support;

/// <summary>How a pending call ended: it must end within the hang guard, with a result or a typed chat error.</summary>
internal static class Outcome
{
    /// <summary>Null when <paramref name="call"/> succeeded, else its exception, which must be a <see cref="ChatException"/>.</summary>
    public static async Task<Exception?> OfAsync(Task call)
    {
        try
        {
            await call.WaitAsync(Loopback.HangGuard);
            return null;
        }
        catch (TimeoutException) when (!call.IsCompleted)
        {
            Assert.Fail("A pending call did not complete within the hang guard.");
            throw;
        }
        catch (Exception exception)
        {
            AssertTyped(exception);
            return exception;
        }
    }

    /// <summary>Transport and parser exceptions (IOException, WebSocketException, JsonException…) must never reach the caller.</summary>
    public static void AssertTyped(Exception exception) =>
        Assert.That(exception, Is.InstanceOf<ChatException>(), () => $"an untyped exception reached the caller: {exception}");
}
