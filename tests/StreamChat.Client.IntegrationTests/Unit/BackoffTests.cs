using System;
using StreamChat.Internal;

namespace StreamChat.Client.IntegrationTests.Unit;

public sealed class BackoffTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    [TestCase(1, 1)]
    [TestCase(2, 2)]
    [TestCase(3, 4)]
    [TestCase(4, 8)]
    [TestCase(5, 10)]
    [TestCase(40, 10)]
    public void Delay_doubles_per_retry_up_to_the_cap_and_jitters_between_half_and_all(int retry, int ceilingSeconds)
    {
        var ceiling = TimeSpan.FromSeconds(ceilingSeconds);

        Assert.Multiple(() =>
        {
            Assert.That(Backoff.Ceiling(retry, Base, Max), Is.EqualTo(ceiling));
            Assert.That(Backoff.Delay(retry, Base, Max, sample: 0), Is.EqualTo(ceiling / 2));
            Assert.That(Backoff.Delay(retry, Base, Max, sample: 0.999_999), Is.LessThan(ceiling).And.GreaterThan(ceiling * 0.99));
            Assert.That(Backoff.Delay(retry, Base, Max), Is.InRange(ceiling / 2, ceiling));
        });
    }

    [Test]
    public void Retries_are_counted_from_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Backoff.Delay(0, Base, Max));
}
