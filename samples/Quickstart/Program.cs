using System;
using System.Threading;
using System.Threading.Tasks;
using StreamChat;
using StreamChat.DevServer;
using StreamChat.Server;

// The quickstart runs against the embedded dev server: no account, no network beyond 127.0.0.1.
await using var server = await DevServer.StartAsync();
Console.WriteLine($"dev server:  {server.BaseUrl} (api key {server.ApiKey})");

// "Your backend": issues expiring user tokens from the API secret.
using var backend = new UserTokenIssuer(server.ApiSecret);

// The recommended provider: a closure that fetches a token from the backend. It is called again whenever the token
// expires, and the requests that waited resume with the new token.
var tokenProvider = TokenProvider.Closure((client, cancellationToken) =>
    Task.FromResult(new Token(backend.CreateUserToken("john-doe", TimeSpan.FromHours(1)))));
var config = new ChatClientConfig(server.ApiKey) { BaseUrl = server.BaseUrl };

await using var chatClient = new ChatClient(config, tokenProvider);
var me = await chatClient.ConnectAsync();
Console.WriteLine($"connected:   {me.Id} (connection {chatClient.ConnectionId})");

var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
chatClient.MessageReceived += (_, e) => received.TrySetResult($"{e.Cid}: {e.Message.User?.Id} says \"{e.Message.Text}\"");

await chatClient.QueryChannelAsync("livestream", "launch", watch: true);
await chatClient.SendMessageAsync("livestream", "launch", "Hello from C#!");
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
Console.WriteLine($"message.new: {await received.Task.WaitAsync(timeout.Token)}");

// An anonymous user may read a livestream channel, and nothing else.
await using var anonymous = new ChatClient(config, TokenProvider.Anonymous);
await anonymous.ConnectAsync();
var channel = await anonymous.QueryChannelAsync("livestream", "launch");
Console.WriteLine($"anonymous:   read {channel.Messages.Count} message(s) in {channel.Cid}");
try
{
    await anonymous.SendMessageAsync("livestream", "launch", "may I?");
}
catch (ChatApiException ex)
{
    Console.WriteLine($"anonymous:   writing refused with code {(int)ex.Code} ({ex.StatusCode})");
}

await chatClient.DisconnectAsync();
Console.WriteLine("done");
