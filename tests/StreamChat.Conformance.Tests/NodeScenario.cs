using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// Runs one scenario of <c>js/scenarios.mjs</c> (or another script of <c>js/</c>) in Node against a dev server and answers its requests over stdio
/// (<see cref="StdioProcess"/>, <c>js/host.mjs</c>); returns the final <c>{"kind":"result"}</c> message.
/// </summary>
internal static class NodeScenario
{
    // Guards against a hung scenario only; no test asserts on timing.
    private static readonly TimeSpan RunGuard = TimeSpan.FromSeconds(90);

    public static async Task<JsonObject> RunAsync(
        string scenario,
        DevServer.DevServer server,
        Func<JsonObject, Task<JsonObject>> answer,
        IReadOnlyDictionary<string, string>? environment = null,
        string script = "scenarios.mjs")
    {
        var start = new ProcessStartInfo("node", [script, scenario]) { WorkingDirectory = NodeEnvironment.ScriptsDirectory };
        start.Environment["STREAM_BASE_URL"] = server.BaseUrl.ToString().TrimEnd('/');
        start.Environment["STREAM_API_KEY"] = server.ApiKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        try
        {
            return await StdioProcess.RunAsync(start, answer, RunGuard)
                ?? throw new AssertionException($"Scenario '{scenario}' did not finish within {RunGuard}.");
        }
        catch (InvalidOperationException e)
        {
            throw new AssertionException($"Scenario '{scenario}': {e.Message}");
        }
    }
}
