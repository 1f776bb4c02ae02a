using System;

namespace StreamChat.DevServer;

/// <summary>
/// The caps that keep the dev server's memory bounded whatever clients send. Over a count cap a request gets code 17
/// (HTTP 403), over a size cap code 4 (HTTP 400); the message names the option to raise.
/// </summary>
public sealed partial class DevServerOptions
{
    /// <summary>Users kept (created by connecting, upserts, guests, revocations, senders and channel creators). Default: 10,000.</summary>
    public int MaxUsers { get; set; } = 10_000;

    /// <summary>Channels kept. Default: 10,000.</summary>
    public int MaxChannels { get; set; } = 10_000;

    /// <summary>Open WebSocket connections, all users together (anonymous visitors included). Default: 10,000.</summary>
    public int MaxConnections { get; set; } = 10_000;

    /// <summary>Open WebSocket connections of one user (or one anonymous visitor id). Default: 100.</summary>
    public int MaxConnectionsPerUser { get; set; } = 100;

    /// <summary>
    /// Messages kept per channel; older ones are dropped (and their ids forgotten, so a dropped id may be used again).
    /// Default: 300.
    /// </summary>
    public int MaxMessagesPerChannel { get; set; } = 300;

    /// <summary>Bytes of JSON a user's custom fields may take (everything but id, role and the server's own fields). Default: 5 KiB.</summary>
    public int MaxUserCustomDataBytes { get; set; } = 5 * 1024;

    /// <summary>Bytes of JSON a channel's custom data may take (everything in <c>data</c> but members and the server's own fields). Default: 5 KiB.</summary>
    public int MaxChannelCustomDataBytes { get; set; } = 5 * 1024;

    /// <summary>
    /// Bytes of JSON a message's fields other than <c>text</c> and <c>id</c> may take (custom fields and attachments); the text
    /// has its own cap of 5,000 characters. Default: 5 KiB.
    /// </summary>
    public int MaxMessageCustomDataBytes { get; set; } = 5 * 1024;

    /// <summary>
    /// Bytes of events waiting to be sent to one WebSocket connection. A client that is behind but still reading (a burst)
    /// gets every frame within this bound; past it the connection alone is closed with 1013 and a reason, so it never holds
    /// up a channel or the server's memory. A client that stopped reading is caught by <see cref="SendTimeout"/>.
    /// Default: 4 MiB.
    /// </summary>
    public int MaxSendQueueBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long one WebSocket send may go without progress (the client read nothing) before the connection is dropped, on
    /// <see cref="TimeProvider"/> (a test's fake clock drives it). Default: 10 seconds.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
