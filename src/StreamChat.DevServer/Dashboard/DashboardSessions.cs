using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// The dashboard's signed-in browsers: random session ids, kept only as their SHA-256 (a lookup by hash leaks nothing about
/// a guessed id through timing), at most <see cref="Capacity"/>, the oldest forgotten first. They last until the server stops.
/// </summary>
internal sealed class DashboardSessions
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, long> _sessions = new(StringComparer.Ordinal);
    private long _created;

    /// <summary>Starts a session; returns the id for the cookie.</summary>
    public string Create()
    {
        var id = RandomText.Create(32);
        _sessions[Hash(id)] = System.Threading.Interlocked.Increment(ref _created);
        while (_sessions.Count > Capacity)
        {
            var oldest = _sessions.MinBy(session => session.Value).Key;
            _sessions.TryRemove(oldest, out _);
        }

        return id;
    }

    public bool IsValid(string? id) => !string.IsNullOrEmpty(id) && _sessions.ContainsKey(Hash(id));

    public void End(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _sessions.TryRemove(Hash(id), out _);
        }
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
}
