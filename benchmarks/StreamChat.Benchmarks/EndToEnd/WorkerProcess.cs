using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// Runs one scenario in a client process (node with the JavaScript client, or this program's C# worker), answering its
/// requests over the conformance tests' stdio protocol (<see cref="StdioProcess"/>).
/// </summary>
internal static class WorkerProcess
{
    /// <summary>Runs the worker until it reports, or kills it after <paramref name="cap"/>.</summary>
    /// <returns>The worker's result, or <see langword="null"/> when the cap was reached.</returns>
    /// <exception cref="InvalidOperationException">The worker failed or exited without a result (the message has its output).</exception>
    public static async Task<JsonObject?> RunAsync(WorkerCommand command, Func<JsonObject, Task<JsonObject>> answer, TimeSpan cap)
    {
        var start = new ProcessStartInfo(command.FileName, command.Arguments) { WorkingDirectory = command.WorkingDirectory };
        var message = await StdioProcess.RunAsync(start, answer, cap);
        return message is null ? null
            : message["ok"]?.GetValue<bool>() == true ? message["result"]!.AsObject()
            : throw new InvalidOperationException($"{command} failed: {message["error"]?.ToJsonString()}");
    }
}

/// <summary>How to start one worker: the program, its arguments and its folder.</summary>
/// <param name="Client">"C#" or "JS", for messages and tables.</param>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Its folder.</param>
internal sealed record WorkerCommand(string Client, string FileName, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    public override string ToString() => $"the {Client} worker";
}
