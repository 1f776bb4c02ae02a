using System.Collections.Concurrent;
using System.Linq;

namespace StreamChat.DevServer.State;

/// <summary>The open WebSocket connections by connection id. Thread-safe.</summary>
internal sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ClientConnection> _connections = new();

    public int Count => _connections.Count;

    public void Add(ClientConnection connection) => _connections[connection.Id] = connection;

    public void Remove(ClientConnection connection) => _connections.TryRemove(new(connection.Id, connection));

    public ClientConnection? Find(string connectionId) => _connections.TryGetValue(connectionId, out var connection) ? connection : null;

    /// <summary>Aborts every connection; returns how many there were.</summary>
    public int AbortAll()
    {
        var all = _connections.Values.ToArray();
        foreach (var connection in all)
        {
            _connections.TryRemove(new(connection.Id, connection));
            connection.Abort();
        }

        return all.Length;
    }
}
