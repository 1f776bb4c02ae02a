using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace StreamChat.Conformance.Tests;

/// <summary>
/// Runs one scenario of <c>js/scenarios.mjs</c> in Node against a dev server and answers its requests over stdio:
/// lines starting with <c>@@</c> are JSON messages; each request is answered by the handler and the final
/// <c>{"kind":"result"}</c> is returned.
/// </summary>
internal static class NodeScenario
{
    private const string Prefix = "@@";

    // Guards against a hung scenario only; no test asserts on timing.
    private static readonly TimeSpan RunGuard = TimeSpan.FromSeconds(90);

    public static async Task<JsonObject> RunAsync(
        string scenario,
        DevServer.DevServer server,
        Func<JsonObject, Task<JsonObject>> answer,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("node", ["scenarios.mjs", scenario])
        {
            WorkingDirectory = NodeEnvironment.ScriptsDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["STREAM_BASE_URL"] = server.BaseUrl.ToString().TrimEnd('/');
        start.Environment["STREAM_API_KEY"] = server.ApiKey;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var stderr = process.StandardError.ReadToEndAsync();
        var otherOutput = new StringBuilder();
        using var guard = new CancellationTokenSource(RunGuard);
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
                    await process.WaitForExitAsync(guard.Token);
                    return message;
                }

                var reply = await answer(message);
                reply["id"] = message["id"]!.DeepClone();
                await process.StandardInput.WriteLineAsync(reply.ToJsonString());
                await process.StandardInput.FlushAsync(guard.Token);
            }

            await process.WaitForExitAsync(guard.Token);
            throw new AssertionException($"node exited with code {process.ExitCode} before reporting a result.\n{otherOutput}\n{await stderr}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new AssertionException($"Scenario '{scenario}' did not finish within {RunGuard}.\n{otherOutput}\n{await stderr}");
        }
        catch (IOException e)
        {
            throw new AssertionException($"Scenario '{scenario}' broke its stdio pipe: {e.Message}\n{await stderr}");
        }
    }
}
