namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>The scenario names both workers know (issue 13, item 3 a-d).</summary>
internal static class Scenarios
{
    /// <summary>N concurrent requests on an expired token: provider calls and wall time.</summary>
    public const string Storm = "storm";

    /// <summary>Connect latency, one new client per connect.</summary>
    public const string Connect = "connect";

    /// <summary>Sequential REST queries of one channel.</summary>
    public const string Rest = "rest";

    /// <summary>Watchers of one channel; delivery latency of messages sent one after another.</summary>
    public const string FanOut = "fanout";
}
