using System;
using System.Collections.Concurrent;
using System.Linq;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>The app's channels by cid, within <see cref="ServerLimits.MaxChannels"/>. Thread-safe.</summary>
internal sealed class ChannelStore(ServerLimits limits)
{
    private readonly ConcurrentDictionary<string, Channel> _channels = new(StringComparer.Ordinal);
    private readonly object _createGate = new();

    public int Count => _channels.Count;

    /// <summary>The channels now (a copy).</summary>
    public Channel[] All() => _channels.Values.ToArray();

    public Channel? Find(string type, string id) => _channels.TryGetValue($"{type}:{id}", out var channel) ? channel : null;

    /// <summary>Returns the existing channel, or adds the one <paramref name="create"/> makes (code 17 over the cap).</summary>
    public Channel GetOrAdd(string type, string id, Func<Channel> create)
    {
        var cid = $"{type}:{id}";
        if (_channels.TryGetValue(cid, out var existing))
        {
            return existing;
        }

        // Creating is rare: one lock makes the count check and the add one step.
        lock (_createGate)
        {
            if (_channels.TryGetValue(cid, out existing))
            {
                return existing;
            }

            if (_channels.Count >= limits.MaxChannels)
            {
                throw ProtocolException.CapReached("channels", limits.MaxChannels, nameof(DevServerOptions.MaxChannels));
            }

            var fresh = create();
            _channels[cid] = fresh;
            return fresh;
        }
    }
}
