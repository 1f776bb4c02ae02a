using System;
using System.Collections.Concurrent;

namespace StreamChat.DevServer.State;

/// <summary>The app's channels by cid. Thread-safe.</summary>
internal sealed class ChannelStore
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);

    public Channel? Find(string type, string id) => _channels.TryGetValue($"{type}:{id}", out var channel) ? channel : null;

    /// <summary>Returns the existing channel, or adds the one <paramref name="create"/> makes.</summary>
    public Channel GetOrAdd(string type, string id, Func<Channel> create, out bool created)
    {
        var cid = $"{type}:{id}";
        if (_channels.TryGetValue(cid, out var existing))
        {
            created = false;
            return existing;
        }

        var fresh = create();
        var stored = _channels.GetOrAdd(cid, fresh);
        created = ReferenceEquals(stored, fresh);
        return stored;
    }
}
