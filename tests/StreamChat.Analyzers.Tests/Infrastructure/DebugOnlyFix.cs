namespace StreamChat.Analyzers.Tests.Infrastructure;

/// <summary>What the SCHAT001/SCHAT002 fix writes, and the builds its tests compile each fixed source in.</summary>
internal static class DebugOnlyFix
{
    /// <summary>The release closure when <c>System</c> is not imported.</summary>
    public const string Closure = "TokenProvider.Closure(cancellationToken => throw new System.NotImplementedException(\"Fetch this user's token from your backend.\"))";

    /// <summary>A release build, and the same with DEBUG defined: both branches of every fix must compile.</summary>
    public static TestBuild[] Builds { get; } =
    {
        TestBuild.Release,
        TestBuild.Release with { DefineDebug = true },
    };
}
