using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Threading;
using StreamChat.Jwt;

namespace StreamChat.Client.Tests;

/// <summary>
/// <see cref="JwtSigningKey.Dispose"/> clears the key while other threads may be signing: each of them gets either a
/// token signed with the real key or <see cref="ObjectDisposedException"/>, never a token signed with a cleared key.
/// </summary>
public class SigningKeyDisposeRaceTests
{
    private const string Secret = "a-test-secret-that-is-at-least-32-bytes-long";
    private const int Workers = 3;
    private const int Rounds = 5_000;
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

    [Test]
    public void Sign_racing_Dispose_returns_real_signatures_or_ObjectDisposedException()
    {
        var secret = Encoding.UTF8.GetBytes(Secret);
        var payload = """{"user_id":"john"}"""u8.ToArray();
        using var barrier = new Barrier(Workers + 1);
        var errors = new ConcurrentQueue<Exception>();
        JwtSigningKey? key = null;
        int signed = 0, refused = 0, forged = 0;

        var threads = Enumerable.Range(0, Workers).Select(_ => new Thread(() =>
        {
            try
            {
                for (var round = 0; round < Rounds; round++)
                {
                    Meet(barrier);
                    var current = Volatile.Read(ref key)!;
                    for (var i = 0; i < 4; i++)
                    {
                        try
                        {
                            var token = current.Sign(payload);
                            Interlocked.Increment(ref Hs256.IsSignedWith(secret, token) ? ref signed : ref forged);
                        }
                        catch (ObjectDisposedException)
                        {
                            Interlocked.Increment(ref refused);
                            break;
                        }
                    }

                    Meet(barrier);
                }
            }
            catch (Exception exception)
            {
                // Leave the barrier so the other participants are not stranded.
                errors.Enqueue(exception);
                barrier.RemoveParticipant();
            }
        })).ToList();
        foreach (var thread in threads)
        {
            thread.IsBackground = true; // a stranded worker must not keep the test host alive
            thread.Start();
        }

        var random = new Random(1234);
        for (var round = 0; round < Rounds; round++)
        {
            Volatile.Write(ref key, new JwtSigningKey(Secret));
            Meet(barrier);
            Thread.SpinWait(random.Next(0, 500)); // vary where in the workers' signing the dispose lands
            key!.Dispose();
            Meet(barrier);
        }

        Assert.That(threads.Select(t => t.Join(HangGuard)).ToList(), Is.All.True, "workers finished");
        Assert.Multiple(() =>
        {
            Assert.That(errors, Is.Empty);
            Assert.That(forged, Is.Zero, "tokens signed with a cleared key");
            Assert.That(signed, Is.GreaterThan(0), "some signatures were made before a dispose");
            Assert.That(refused, Is.GreaterThan(0), "some signatures met a dispose");
        });
    }

    private static void Meet(Barrier barrier)
    {
        if (!barrier.SignalAndWait(HangGuard))
        {
            throw new TimeoutException("A participant of the race did not arrive.");
        }
    }
}
