using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Limits;

/// <summary>Every cap and bound in <see cref="DevServerOptions"/> is checked at start, with a message naming the option.</summary>
public sealed class OptionValidationTests
{
    private static IEnumerable<TestCaseData> OutOfRange()
    {
        var index = 0;
        TestCaseData Case(string option, Action<DevServerOptions> set) => new TestCaseData(option, set).SetArgDisplayNames($"{option} #{++index}");

        yield return Case("Port", o => o.Port = -1);
        yield return Case("Port", o => o.Port = 70_000);
        yield return Case("MaxRequestBodyBytes", o => o.MaxRequestBodyBytes = 0);
        yield return Case("MaxUsers", o => o.MaxUsers = 0);
        yield return Case("MaxChannels", o => o.MaxChannels = -1);
        yield return Case("MaxConnections", o => o.MaxConnections = 0);
        yield return Case("MaxConnectionsPerUser", o => o.MaxConnectionsPerUser = 0);
        yield return Case("MaxMessagesPerChannel", o => o.MaxMessagesPerChannel = 0);
        yield return Case("MaxUserCustomDataBytes", o => o.MaxUserCustomDataBytes = 0);
        yield return Case("MaxChannelCustomDataBytes", o => o.MaxChannelCustomDataBytes = 0);
        yield return Case("MaxMessageCustomDataBytes", o => o.MaxMessageCustomDataBytes = 0);
        yield return Case("MaxSendQueueBytes", o => o.MaxSendQueueBytes = 0);
        yield return Case("SendTimeout", o => o.SendTimeout = TimeSpan.Zero);
        yield return Case("SendTimeout", o => o.SendTimeout = System.Threading.Timeout.InfiniteTimeSpan);
    }

    [TestCaseSource(nameof(OutOfRange))]
    public async Task Out_of_range_option_is_refused_at_start_naming_it(string option, Action<DevServerOptions> set)
    {
        var options = new DevServerOptions();
        set(options);
        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await DevServer.StartAsync(options));
        Assert.That(error!.Message, Does.Contain("DevServerOptions." + option));
    }

    [Test]
    public async Task Defaults_start()
    {
        await using var server = await DevServer.StartAsync(new DevServerOptions());
        Assert.That(server.BaseUrl.IsLoopback, Is.True);
    }
}
