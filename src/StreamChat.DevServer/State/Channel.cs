using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using StreamChat.DevServer.Protocol;

namespace StreamChat.DevServer.State;

/// <summary>
/// One channel: its data, members, the latest <see cref="ServerLimits.MaxMessagesPerChannel"/> messages (and only their
/// ids) and the connections watching it. Thread-safe.
/// </summary>
internal sealed class Channel
{
    private readonly object _gate = new();
    private readonly int _maxMessages;
    private readonly JsonObject _createdBy;
    private readonly DateTimeOffset _createdAt;
    private readonly JsonObject _custom;
    private readonly List<string> _members = [];
    private readonly Queue<(string Id, JsonObject Message)> _messages = new();
    private readonly HashSet<string> _messageIds = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watchers = new(StringComparer.Ordinal);
    private JsonNode? _lastMessageAt;
    private int _messagesPosted;

    /// <summary>Makes a channel; code 4 when the custom part of <paramref name="data"/> is over its cap.</summary>
    public Channel(string type, string id, JsonObject createdBy, JsonObject? data, IEnumerable<string> members, DateTimeOffset createdAt, ServerLimits limits)
    {
        Type = type;
        Id = id;
        _maxMessages = limits.MaxMessagesPerChannel;
        _createdBy = createdBy;
        _createdAt = createdAt;
        _custom = new JsonObject();
        if (data is not null)
        {
            foreach (var (name, value) in data)
            {
                if (name is not ("id" or "type" or "cid" or "created_by" or "created_by_id" or "members" or "created_at" or "updated_at" or "config"))
                {
                    _custom[name] = value?.DeepClone();
                }
            }
        }

        CustomData.Check(_custom, limits.MaxChannelCustomDataBytes, $"channel '{type}:{id}'", nameof(DevServerOptions.MaxChannelCustomDataBytes));
        _members.AddRange(members.Distinct(StringComparer.Ordinal));
    }

    public string Type { get; }

    public string Id { get; }

    public string Cid => $"{Type}:{Id}";

    /// <summary>Members and messages posted since the channel was created (older ones may have been dropped), for the dashboard.</summary>
    public (int Members, int MessagesPosted) Counts()
    {
        lock (_gate)
        {
            return (_members.Count, _messagesPosted);
        }
    }

    /// <summary>Subscribes <paramref name="connection"/>, which unsubscribes itself when it closes.</summary>
    public void Watch(ClientConnection connection)
    {
        lock (_gate)
        {
            _watchers.Add(connection.Id);
        }

        connection.Watching(this);
    }

    public void Unwatch(string connectionId)
    {
        lock (_gate)
        {
            _watchers.Remove(connectionId);
        }
    }

    /// <summary>Stores a message, dropping the oldest past the cap; false when its id is taken by a kept message.</summary>
    public bool TryAddMessage(string messageId, JsonObject message)
    {
        lock (_gate)
        {
            if (!_messageIds.Add(messageId))
            {
                return false;
            }

            _messages.Enqueue((messageId, message));
            _messagesPosted++;
            _lastMessageAt = message["created_at"]?.DeepClone();
            if (_messages.Count > _maxMessages)
            {
                _messageIds.Remove(_messages.Dequeue().Id);
            }

            return true;
        }
    }

    /// <summary>
    /// The kept messages created at or after <paramref name="since"/>, oldest first, as copies (for <c>/sync</c>). Messages
    /// dropped past <see cref="ServerLimits.MaxMessagesPerChannel"/> are gone and not among them.
    /// </summary>
    public List<(DateTimeOffset CreatedAt, JsonObject Message)> MessagesSince(DateTimeOffset since)
    {
        lock (_gate)
        {
            var found = new List<(DateTimeOffset, JsonObject)>();
            foreach (var (_, message) in _messages)
            {
                if (Wire.TryParseTimestamp(message["created_at"]?.GetValue<string>(), out var createdAt) && createdAt >= since)
                {
                    found.Add((createdAt, (JsonObject)message.DeepClone()));
                }
            }

            return found;
        }
    }

    /// <summary>The watching connection ids; ids no longer open are forgotten.</summary>
    public IReadOnlyList<ClientConnection> Watchers(ConnectionRegistry connections)
    {
        lock (_gate)
        {
            var open = new List<ClientConnection>(_watchers.Count);
            _watchers.RemoveWhere(id =>
            {
                var connection = connections.Find(id);
                if (connection is not null)
                {
                    open.Add(connection);
                }

                return connection is null;
            });
            return open;
        }
    }

    /// <summary>The query response: channel, latest messages, members and watcher count.</summary>
    public JsonObject StateJson(UserStore users, int messageLimit, ConnectionRegistry connections)
    {
        var watcherCount = Watchers(connections).Count;
        lock (_gate)
        {
            var members = new JsonArray();
            foreach (var memberId in _members)
            {
                members.Add(new JsonObject
                {
                    ["user_id"] = memberId,
                    ["user"] = users.Find(memberId) ?? new JsonObject { ["id"] = memberId },
                    ["created_at"] = Wire.Timestamp(_createdAt),
                    ["updated_at"] = Wire.Timestamp(_createdAt),
                    ["channel_role"] = "channel_member",
                });
            }

            var messages = new JsonArray();
            foreach (var (_, message) in _messages.Skip(Math.Max(0, _messages.Count - messageLimit)))
            {
                messages.Add(message.DeepClone());
            }

            return new JsonObject
            {
                ["channel"] = ChannelJsonUnlocked(),
                ["messages"] = messages,
                ["pinned_messages"] = new JsonArray(),
                ["members"] = members,
                ["read"] = new JsonArray(),
                ["watchers"] = new JsonArray(),
                ["watcher_count"] = watcherCount,
            };
        }
    }

    private JsonObject ChannelJsonUnlocked()
    {
        var json = new JsonObject
        {
            ["id"] = Id,
            ["type"] = Type,
            ["cid"] = Cid,
            ["created_at"] = Wire.Timestamp(_createdAt),
            ["updated_at"] = Wire.Timestamp(_createdAt),
            ["last_message_at"] = _lastMessageAt?.DeepClone(),
            ["created_by"] = _createdBy.DeepClone(),
            ["frozen"] = false,
            ["disabled"] = false,
            ["member_count"] = _members.Count,
            ["config"] = ChannelTypes.Config(Type),
        };
        foreach (var (name, value) in _custom)
        {
            json[name] = value?.DeepClone();
        }

        return json;
    }
}
