using System;
using Microsoft.Extensions.Logging;

namespace StreamChat.Logging;

/// <summary>The log messages of recovering missed events after a reconnect and of releasing watched channels.</summary>
internal static partial class Log
{
    private static readonly Action<ILogger, int, int, Exception?> RecoveredMessage =
        LoggerMessage.Define<int, int>(LogLevel.Information, new EventId(60, "MissedMessagesRecovered"), "Recovered {Count} missed messages of {Channels} watched channels after reconnecting");

    private static readonly Action<ILogger, Exception?> RecoveryFailedMessage =
        LoggerMessage.Define(LogLevel.Warning, new EventId(61, "MissedMessagesRecoveryFailed"), "Could not recover the messages missed while reconnecting; the next reconnect tries again from the same point");

    private static readonly Action<ILogger, string, Exception?> StopWatchingFailedMessage =
        LoggerMessage.Define<string>(LogLevel.Debug, new EventId(62, "StopWatchingFailed"), "The server did not confirm that {Cid} is no longer watched; its events are ignored anyway");

    public static void MissedMessagesRecovered(ILogger logger, int count, int channels) => RecoveredMessage(logger, count, channels, null);

    public static void MissedMessagesRecoveryFailed(ILogger logger, Exception exception) => RecoveryFailedMessage(logger, exception);

    public static void StopWatchingFailed(ILogger logger, string cid, Exception exception) => StopWatchingFailedMessage(logger, cid, exception);
}
