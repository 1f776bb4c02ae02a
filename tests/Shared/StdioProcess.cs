using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Tests.Shared;

/// <summary>
/// Runs one process that speaks the stdio protocol of the JavaScript scenarios (<c>js/host.mjs</c>) and of the
/// benchmarks' C# worker: lines starting with <c>@@</c> are JSON messages; every request is answered (concurrently, a
/// storm asks for thousands of tokens at once) with the same id, and the process ends with <c>{"kind":"result"}</c>.
/// Linked into the conformance tests and the benchmarks.
/// </summary>
internal static class StdioProcess
{
    /// <summary>The prefix of a protocol line; other output is kept for error messages.</summary>
    public const string Prefix = "@@";

    /// <summary>Starts <paramref name="start"/> (its streams are redirected here) and serves it until it reports.</summary>
    /// <returns>The final <c>{"kind":"result"}</c> message, or <see langword="null"/> when <paramref name="guard"/> passed first (the process is killed).</returns>
    /// <exception cref="InvalidOperationException">The process exited without a result or broke its pipe; the message has its output.</exception>
    public static async Task<JsonObject?> RunAsync(ProcessStartInfo start, Func<JsonObject, Task<JsonObject>> answer, TimeSpan guard)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardOutputEncoding = Encoding.UTF8;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var otherOutput = new StringBuilder();
        var writeGate = new SemaphoreSlim(1, 1);
        var replies = new List<Task>();
        using var timeout = new CancellationTokenSource(guard);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith(Prefix, StringComparison.Ordinal))
                {
                    otherOutput.AppendLine(line);
                    continue;
                }

                var message = (JsonObject)JsonNode.Parse(line.AsSpan(Prefix.Length).ToString())!;
                if (message["kind"]?.GetValue<string>() == "result")
                {
                    await Task.WhenAll(replies).ConfigureAwait(false);
                    await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
                    return message;
                }

                replies.Add(ReplyAsync(process, message, answer, writeGate, timeout.Token));
            }

            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            throw new InvalidOperationException($"{start.FileName} exited with code {process.ExitCode} before reporting a result.\n{otherOutput}\n{await stderr.ConfigureAwait(false)}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
            return null;
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"{start.FileName} broke its stdio pipe: {e.Message}\n{otherOutput}\n{await stderr.ConfigureAwait(false)}", e);
        }
    }

    private static async Task ReplyAsync(Process process, JsonObject message, Func<JsonObject, Task<JsonObject>> answer, SemaphoreSlim writeGate, CancellationToken cancellationToken)
    {
        var reply = await answer(message).ConfigureAwait(false);
        reply["id"] = message["id"]!.DeepClone();
        await writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await process.StandardInput.WriteLineAsync(reply.ToJsonString().AsMemory(), cancellationToken).ConfigureAwait(false);
            await process.StandardInput.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The process is gone (killed at the guard, or it failed); its result or exit code tells the story.
        }
        finally
        {
            writeGate.Release();
        }
    }
}
