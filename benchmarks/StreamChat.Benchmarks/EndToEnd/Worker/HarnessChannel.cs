using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using StreamChat.Tests.Shared;

namespace StreamChat.Benchmarks.EndToEnd.Worker;

/// <summary>
/// The C# worker's side of the stdio protocol (<see cref="StdioProcess"/>): asks the harness for tokens and reports the
/// result, exactly as the node worker does.
/// </summary>
internal sealed class HarnessChannel
{
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly TextWriter _out;
    private readonly object _writeGate = new();
    private int _nextId;

    private HarnessChannel(TextWriter output) => _out = output;

    /// <summary>Starts reading the harness's answers from stdin.</summary>
    public static HarnessChannel Open()
    {
        var channel = new HarnessChannel(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true });
        _ = Task.Run(channel.ReadAnswersAsync);
        return channel;
    }

    /// <summary>Sends a request of <paramref name="kind"/> and waits for its answer.</summary>
    public Task<JsonObject> AskAsync(string kind, JsonObject? body = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var message = body ?? [];
        message["id"] = id;
        message["kind"] = kind;
        Write(message);
        return answer.Task;
    }

    /// <summary>A token for <paramref name="userId"/>: one provider call, counted by the harness.</summary>
    public async Task<Token> TokenAsync(string userId) =>
        new((await AskAsync("token", new JsonObject { ["user"] = userId }).ConfigureAwait(false))["token"]!.GetValue<string>());

    /// <summary>Tokens for <paramref name="userIds"/>, fetched ahead in one request (not provider calls).</summary>
    public async Task<Token[]> TokensAsync(string[] userIds)
    {
        var users = new JsonArray([.. Array.ConvertAll(userIds, id => (JsonNode?)id)]);
        var answer = await AskAsync("tokens", new JsonObject { ["users"] = users }).ConfigureAwait(false);
        return [.. answer["tokens"]!.AsArray().Select(t => new Token(t!.GetValue<string>()))];
    }

    public void ReportResult(JsonObject result) => Write(new JsonObject { ["kind"] = "result", ["ok"] = true, ["result"] = result });

    public void ReportFailure(Exception exception) =>
        Write(new JsonObject { ["kind"] = "result", ["ok"] = false, ["error"] = new JsonObject { ["message"] = $"{exception.GetType().Name}: {exception.Message}" } });

    private void Write(JsonObject message)
    {
        var line = StdioProcess.Prefix + message.ToJsonString();
        lock (_writeGate)
        {
            _out.WriteLine(line);
        }
    }

    private async Task ReadAnswersAsync()
    {
        using var input = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        while (await input.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            var answer = (JsonObject)JsonNode.Parse(line)!;
            if (_pending.TryRemove(answer["id"]!.GetValue<int>(), out var waiter))
            {
                waiter.SetResult(answer);
            }
        }
    }
}
