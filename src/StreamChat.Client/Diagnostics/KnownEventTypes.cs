using System;
using System.Collections.Generic;

namespace StreamChat.Diagnostics;

/// <summary>
/// The WebSocket event types a chat server sends (the hosted service's protocol names, as the official JavaScript client
/// lists them), which are the only values <c>streamchat.event.type</c> takes: any other type is counted as
/// <see cref="Other"/>, so that a server cannot grow a metric's series without bound by sending made-up types.
/// </summary>
internal static class KnownEventTypes
{
    /// <summary>The tag value of every type not in the list.</summary>
    public const string Other = "other";

    private static readonly HashSet<string> Types = new(StringComparer.Ordinal)
    {
        "health.check",
        "channel.created", "channel.deleted", "channel.hidden", "channel.kicked", "channel.muted", "channel.truncated",
        "channel.unmuted", "channel.updated", "channel.visible",
        "draft.deleted", "draft.updated",
        "member.added", "member.removed", "member.updated",
        "message.deleted", "message.delivered", "message.new", "message.read", "message.undeleted", "message.updated",
        "notification.added_to_channel", "notification.channel_deleted", "notification.channel_mutes_updated",
        "notification.channel_truncated", "notification.invite_accepted", "notification.invite_rejected",
        "notification.invited", "notification.mark_read", "notification.mark_unread", "notification.message_new",
        "notification.mutes_updated", "notification.reminder_due", "notification.removed_from_channel",
        "notification.thread_message_new",
        "poll.closed", "poll.updated", "poll.vote_casted", "poll.vote_changed", "poll.vote_removed",
        "reaction.deleted", "reaction.new", "reaction.updated",
        "reminder.created", "reminder.deleted", "reminder.updated",
        "thread.updated",
        "typing.start", "typing.stop",
        "user.banned", "user.deleted", "user.messages.deleted", "user.presence.changed", "user.unbanned",
        "user.unread_message_reminder", "user.updated", "user.watching.start", "user.watching.stop",
        "ai_indicator.clear", "ai_indicator.stop", "ai_indicator.update",
    };

    /// <summary><paramref name="type"/> when it is a known event type, else <see cref="Other"/>.</summary>
    public static string TagValue(string type) => Types.Contains(type) ? type : Other;
}
