using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Benchmarks.EndToEnd;

/// <summary>
/// Runs one scenario in a client process (node with the JavaScript client, or this program's C# worker) and answers its
/// requests over stdio, the protocol of the conformance tests: lines starting with <c>@@</c> are JSON messages, each
/// request is answered by <paramref name="answer"/>, and the worker ends with <c>{"kind":"result"}</c>.
/// </summary>
internal static class WorkerProcess
{
    public const string Prefix = "@@";

    /// <summary>Runs the worker until it reports, or kills it after <paramref name="cap"/>.</summary>
    /// <returns>The worker's result, or <see langword="null"/> when the cap was reached.</returns>
    /// <exception cref="InvalidOperationException">The worker failed or exited without a result (the message has its output).</exception>
    public static async Task<JsonObject?> RunAsync(WorkerCommand command, Func<JsonObject, Task<JsonObject>> answer, TimeSpan cap)
    {
        var start = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            WorkingDirectory = command.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var otherOutput = new StringBuilder();
        var writeGate = new SemaphoreSlim(1, 1);
        var pending = new List<Task>();
        using var guard = new CancellationTokenSource(cap);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(guard.Token) is { } line)
            {
                if (!line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    otherOutput.AppendLine(line);
                    continue;
                }

                var message = (JsonObject)JsonNode.Parse(line.AsSpan(Prefix.Length).ToString())!;
                if (message["kind"]?.GetValue<string>() == "result")
                {
                    await Task.WhenAll(pending);
                    await process.WaitForExitAsync(guard.Token);
                    return message["ok"]?.GetValue<bool>() == true
                        ? message["result"]!.AsObject()
                        : throw new InvalidOperationException($"{command} failed: {message["error"]?.ToJsonString()}\n{otherOutput}\n{await stderr}");
                }

                // Answered concurrently: a JS client in a storm asks for thousands of tokens at once.
                pending.Add(ReplyAsync(process, message, answer, writeGate, guard.Token));
            }

            await process.WaitForExitAsync(guard.Token);
            throw new InvalidOperationException($"{command} exited with code {process.ExitCode} before reporting a result.\n{otherOutput}\n{await stderr}");
        }
        catch (OperationCanceledException) when (guard.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return null;
        }
    }

    private static async Task ReplyAsync(Process process, JsonObject message, Func<JsonObject, Task<JsonObject>> answer, SemaphoreSlim writeGate, CancellationToken cancellationToken)
    {
        var reply = await answer(message);
        reply["id"] = message["id"]!.DeepClone();
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await process.StandardInput.WriteLineAsync(reply.ToJsonString().AsMemory(), cancellationToken);
            await process.StandardInput.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // The worker exited (killed at the cap); nothing is waiting for this answer.
        }
        finally
        {
            writeGate.Release();
        }
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
