using System;
using System.Net;

namespace StreamChat.DevServer.State;

/// <summary>The caps of one running server, copied from <see cref="DevServerOptions"/> at start and checked there.</summary>
internal sealed record ServerLimits(
    int MaxUsers,
    int MaxChannels,
    int MaxConnections,
    int MaxConnectionsPerUser,
    int MaxMessagesPerChannel,
    int MaxUserCustomDataBytes,
    int MaxChannelCustomDataBytes,
    int MaxMessageCustomDataBytes,
    int MaxSendQueueBytes,
    TimeSpan SendTimeout)
{
    /// <summary>Checks every setting of <paramref name="options"/> and takes a snapshot of the caps.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public static ServerLimits From(DevServerOptions options)
    {
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentException($"DevServerOptions.Port must be between 0 and {IPEndPoint.MaxPort}.", nameof(options));
        }

        if (options.SendTimeout <= TimeSpan.Zero || options.SendTimeout == System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("DevServerOptions.SendTimeout must be positive and finite.", nameof(options));
        }

        AtLeastOne(options.MaxRequestBodyBytes, nameof(options.MaxRequestBodyBytes));
        return new ServerLimits(
            AtLeastOne(options.MaxUsers, nameof(options.MaxUsers)),
            AtLeastOne(options.MaxChannels, nameof(options.MaxChannels)),
            AtLeastOne(options.MaxConnections, nameof(options.MaxConnections)),
            AtLeastOne(options.MaxConnectionsPerUser, nameof(options.MaxConnectionsPerUser)),
            AtLeastOne(options.MaxMessagesPerChannel, nameof(options.MaxMessagesPerChannel)),
            AtLeastOne(options.MaxUserCustomDataBytes, nameof(options.MaxUserCustomDataBytes)),
            AtLeastOne(options.MaxChannelCustomDataBytes, nameof(options.MaxChannelCustomDataBytes)),
            AtLeastOne(options.MaxMessageCustomDataBytes, nameof(options.MaxMessageCustomDataBytes)),
            AtLeastOne(options.MaxSendQueueBytes, nameof(options.MaxSendQueueBytes)),
            options.SendTimeout);
    }

    private static int AtLeastOne(int value, string name) =>
        value >= 1 ? value : throw new ArgumentException($"DevServerOptions.{name} must be at least 1 (it is {value}).", "options");
}
