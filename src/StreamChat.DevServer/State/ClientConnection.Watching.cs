namespace StreamChat.DevServer.State;

/// <summary>The channels a connection watches, so closing it unsubscribes it everywhere.</summary>
internal sealed partial class ClientConnection
{
    /// <summary>Remembers a channel this connection watches, so <see cref="StopWatching()"/> can unsubscribe it.</summary>
    public void Watching(Channel channel)
    {
        lock (_watching)
        {
            _watching.Add(channel);
        }
    }

    /// <summary>Unsubscribes from <paramref name="channel"/> alone (the protocol's stop-watching call).</summary>
    public void StopWatching(Channel channel)
    {
        lock (_watching)
        {
            _watching.Remove(channel);
        }

        channel.Unwatch(Id);
    }

    /// <summary>Unsubscribes from every watched channel, so closed connections leave no ids behind.</summary>
    public void StopWatching()
    {
        Channel[] channels;
        lock (_watching)
        {
            channels = [.. _watching];
            _watching.Clear();
        }

        foreach (var channel in channels)
        {
            channel.Unwatch(Id);
        }
    }
}
