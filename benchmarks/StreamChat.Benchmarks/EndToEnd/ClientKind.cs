using System;
using System.IO;
using StreamChat.Benchmarks.EndToEnd.Worker;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>The two clients compared: this SDK's <c>ChatClient</c> and the official JavaScript client (npm stream-chat).</summary>
internal enum ClientKind
{
    CSharp,
    JavaScript,
}

internal static class ClientKinds
{
    /// <summary>The folder holding e2e.mjs, the pinned package.json and package-lock.json, and node_modules.</summary>
    public static string ScriptsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "js");

    public static string Label(this ClientKind client) => client == ClientKind.CSharp ? "C#" : "JS";

    /// <summary>The command that runs <paramref name="scenario"/> in a new process of <paramref name="client"/>.</summary>
    public static WorkerCommand Worker(this ClientKind client, string scenario, WorkerParameters parameters)
    {
        if (client == ClientKind.JavaScript)
        {
            return new WorkerCommand(client.Label(), "node", ["e2e.mjs", scenario, parameters.ToJson()], ScriptsDirectory);
        }

        // This program again; through the dotnet host when it was started as `dotnet StreamChat.Benchmarks.dll`.
        var host = Environment.ProcessPath ?? "dotnet";
        string[] arguments = [CSharpWorker.Command, scenario, parameters.ToJson()];
        return Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? new WorkerCommand(client.Label(), host, [typeof(ClientKinds).Assembly.Location, .. arguments], AppContext.BaseDirectory)
            : new WorkerCommand(client.Label(), host, arguments, AppContext.BaseDirectory);
    }
}
