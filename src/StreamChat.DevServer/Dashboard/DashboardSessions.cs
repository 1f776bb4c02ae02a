using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace StreamChat.DevServer.Dashboard;

/// <summary>
/// The dashboard's signed-in pages. A session is two random values: the id in the browser's cookie and the page secret
/// that only the signed-in page holds (in its tab's <c>sessionStorage</c>), and a call needs both. Both are kept only as
/// their SHA-256 (a lookup by hash leaks nothing about a guessed id through timing); at most <see cref="Capacity"/>, the
/// oldest forgotten first. They last until sign-out or the server stops.
/// </summary>
internal sealed class DashboardSessions
{
    public const int Capacity = 64;

    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private long _created;

    /// <summary>Starts a session; returns the id for the cookie and the secret for the page.</summary>
    public DashboardSession Create()
    {
        var (id, pageSecret) = (RandomText.Create(32), RandomText.Create(32));
        _sessions[Hash(id)] = new Entry(System.Threading.Interlocked.Increment(ref _created), SHA256.HashData(Encoding.UTF8.GetBytes(pageSecret)));
        while (_sessions.Count > Capacity)
        {
            var oldest = _sessions.MinBy(entry => entry.Value.Order).Key;
            _sessions.TryRemove(oldest, out _);
        }

        return new DashboardSession(id, pageSecret);
    }

    /// <summary>Whether a session with this cookie id exists (the page is served; its calls need the page secret too).</summary>
    public bool Exists(string? id) => !string.IsNullOrEmpty(id) && _sessions.ContainsKey(Hash(id));

    /// <summary>Whether the cookie id and the page secret are one live session.</summary>
    public bool IsValid(DashboardSession session) =>
        !string.IsNullOrEmpty(session.Id)
        && !string.IsNullOrEmpty(session.PageSecret)
        && _sessions.TryGetValue(Hash(session.Id), out var entry)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(session.PageSecret)), entry.PageSecretHash);

    public void End(string? id)
    {
        if (!string.IsNullOrEmpty(id))
        {
            _sessions.TryRemove(Hash(id), out _);
        }
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    private sealed record Entry(long Order, byte[] PageSecretHash);
}

/// <summary>One dashboard session as a request presents it: the cookie's id and the page's secret (from its header).</summary>
/// <param name="Id">The session id of the cookie.</param>
/// <param name="PageSecret">The page secret of the dashboard header.</param>
internal sealed record DashboardSession(string? Id, string? PageSecret);
