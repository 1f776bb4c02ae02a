using System;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Http;

namespace StreamChat.Client.IntegrationTests.Unit;

public sealed class ServerClockTests
{
    [Test]
    public void Server_time_is_unknown_until_a_date_header_is_seen()
    {
        var device = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new ServerClock(device, NullLogger.Instance);

        Assert.That(clock.TryGetServerNow(out _), Is.False);
    }

    [Test]
    public void Date_header_sets_the_offset_and_later_small_moves_are_ignored()
    {
        var device = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new ServerClock(device, NullLogger.Instance);
        var changes = 0;
        clock.OffsetChanged += () => changes++;

        clock.Observe("Tue, 01 Jan 2030 03:00:00 GMT");
        device.Advance(TimeSpan.FromSeconds(10));
        clock.Observe("Tue, 01 Jan 2030 03:00:11 GMT");
        clock.TryGetServerNow(out var serverNow);

        Assert.Multiple(() =>
        {
            Assert.That(clock.Offset, Is.EqualTo(TimeSpan.FromHours(3) + TimeSpan.FromMilliseconds(500)));
            Assert.That(serverNow, Is.EqualTo(new DateTimeOffset(2030, 1, 1, 3, 0, 10, 500, TimeSpan.Zero)));
            Assert.That(changes, Is.EqualTo(1));
        });
    }

    [TestCase(null)]
    [TestCase("yesterday")]
    public void Unparsable_dates_are_ignored(string? header)
    {
        var clock = new ServerClock(new FakeTimeProvider(), NullLogger.Instance);

        clock.Observe(header);

        Assert.That(clock.Offset, Is.Null);
    }
}
