using System;

namespace StreamChat.BlazorChat.Tests.Support;

/// <summary>Bounds waits on servers so a bug fails a test instead of hanging the run. Nothing is timed.</summary>
internal static class HangGuard
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
}
