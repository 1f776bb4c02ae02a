using StreamChat.DevServer.Protocol;
using StreamChat.DevServer.State;

namespace StreamChat.DevServer.Auth;

/// <summary>
/// The permission rules, one place. Anonymous visitors may only read (query, watch) livestream channels. Guests may read
/// and watch any existing channel and post only in livestream channels; they cannot create channels. Users and admins may
/// do everything; the server token may do anything, acting for the user it names.
/// </summary>
internal static class Permissions
{
    public static bool MayRead(Caller caller, string channelType) => !caller.IsAnonymous || channelType == ChannelTypes.Livestream;

    public static void CheckRead(Caller caller, string channelType)
    {
        if (!MayRead(caller, channelType))
        {
            throw ProtocolException.NotAllowed($"anonymous users may only read {ChannelTypes.Livestream} channels");
        }
    }

    public static void CheckCreate(Caller caller)
    {
        if (caller.IsAnonymous || caller.Role == Roles.Guest)
        {
            throw ProtocolException.NotAllowed($"users with role '{caller.Role}' may not create channels");
        }
    }

    public static void CheckSendMessage(Caller caller, string channelType)
    {
        if (caller.IsAnonymous)
        {
            throw ProtocolException.NotAllowed("anonymous users may not send messages");
        }

        if (caller.Role == Roles.Guest && channelType != ChannelTypes.Livestream)
        {
            throw ProtocolException.NotAllowed($"guests may only send messages in {ChannelTypes.Livestream} channels");
        }
    }

    public static void CheckServerSide(Caller caller, string what)
    {
        if (!caller.IsServer)
        {
            throw ProtocolException.NotAllowed($"{what} is allowed only with a server-side token");
        }
    }
}
