using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>
/// The open WebSocket connections by connection id, within <see cref="ServerLimits.MaxConnections"/> and
/// <see cref="ServerLimits.MaxConnectionsPerUser"/>. Thread-safe.
/// </summary>
internal sealed class ConnectionRegistry(ServerLimits limits)
{
    private readonly ConcurrentDictionary<string, ClientConnection> _connections = new();
    private readonly Dictionary<string, int> _perOwner = [];
    private readonly object _gate = new();

    public int Count => _connections.Count;

    /// <summary>Registers an accepted connection; code 17 when a cap is reached.</summary>
    public void Add(ClientConnection connection)
    {
        lock (_gate)
        {
            if (_connections.Count >= limits.MaxConnections)
            {
                throw ProtocolException.CapReached("open connections", limits.MaxConnections, nameof(DevServerOptions.MaxConnections));
            }

            var owned = _perOwner.GetValueOrDefault(connection.OwnerKey);
            if (owned >= limits.MaxConnectionsPerUser)
            {
                throw ProtocolException.CapReached("open connections per user", limits.MaxConnectionsPerUser, nameof(DevServerOptions.MaxConnectionsPerUser));
            }

            _perOwner[connection.OwnerKey] = owned + 1;
            _connections[connection.Id] = connection;
        }
    }

    /// <summary>Forgets a connection (once, however often it is called) and unsubscribes it from its channels.</summary>
    public void Remove(ClientConnection connection)
    {
        lock (_gate)
        {
            if (!_connections.TryRemove(new(connection.Id, connection)))
            {
                return;
            }

            var owned = _perOwner[connection.OwnerKey] - 1;
            if (owned == 0)
            {
                _perOwner.Remove(connection.OwnerKey);
            }
            else
            {
                _perOwner[connection.OwnerKey] = owned;
            }
        }

        connection.StopWatching();
    }

    /// <summary>The open connections now (a copy).</summary>
    public IReadOnlyCollection<ClientConnection> All() => _connections.Values.ToArray();

    public ClientConnection? Find(string connectionId) => _connections.TryGetValue(connectionId, out var connection) ? connection : null;

    /// <summary>Aborts every connection; returns how many there were.</summary>
    public int AbortAll()
    {
        var all = All();
        foreach (var connection in all)
        {
            Remove(connection);
            connection.Abort();
        }

        return all.Count;
    }
}
