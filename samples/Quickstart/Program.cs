using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Backend;
using Quickstart;
using StreamChat;
using StreamChat.DevServer;

// The quickstart runs against the embedded dev server and the sample backend: no account, no network beyond 127.0.0.1.
await using var server = await DevServer.StartAsync();
Console.WriteLine($"dev server:  {server.BaseUrl} (api key {server.ApiKey})");

// "Your backend" (samples/Backend): cookie login and GET /chat/token, issuing tokens that live 3 seconds here.
var tokenLifetime = TimeSpan.FromSeconds(3);
await using var backend = await BackendApp.StartAsync(server.BaseUrl, server.ApiKey, server.ApiSecret, tokenLifetime);
Console.WriteLine($"backend:     {backend.BaseUrl} issues chat tokens valid for {tokenLifetime.TotalSeconds:0} s");

// The browser or app side: one HttpClient that keeps the login cookie, used for your backend only.
var calls = new BackendCalls(new SocketsHttpHandler { CookieContainer = new CookieContainer() });
using var http = new HttpClient(calls) { BaseAddress = backend.BaseUrl };
var config = new ChatClientConfig(server.ApiKey) { BaseUrl = server.BaseUrl };

// The recommended provider for a token endpoint; the typed form checks every token against ChatClaims.
var tokenProvider = ChatClaimsTokenProvider.FromEndpoint(http, new Uri("/chat/token", UriKind.Relative));

await using (var notLoggedIn = new ChatClient(config, tokenProvider))
{
    try
    {
        await notLoggedIn.ConnectAsync();
    }
    catch (TokenProviderException ex) when (ex.InnerException is TokenEndpointException endpoint)
    {
        Console.WriteLine($"log in:      not yet, so connecting fails: your backend answered HTTP {(int?)endpoint.StatusCode} ({endpoint.Failure}), asked {ex.Attempts} time(s)");
    }
}

using (var login = await http.PostAsJsonAsync("/login", new { user = "john-doe", password = "demo-password-john" }))
{
    login.EnsureSuccessStatusCode();
    Console.WriteLine("log in:      john-doe logged in to your backend (cookie)");
}

await using var chatClient = new ChatClient(config, tokenProvider);
var me = await chatClient.ConnectAsync();
Console.WriteLine($"connected:   {me.Id} (connection {chatClient.ConnectionId})");

var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
chatClient.MessageReceived += (_, e) => received.TrySetResult($"{e.Cid}: {e.Message.User?.Id} says \"{e.Message.Text}\"");

await chatClient.QueryChannelAsync("livestream", "launch", watch: true);
await chatClient.SendMessageAsync("livestream", "launch", "Hello from C#!");
using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
Console.WriteLine($"message.new: {await received.Task.WaitAsync(timeout.Token)}");

// The token expires; the next requests get code 40. The client calls your endpoint once while they all wait.
Console.WriteLine("expiry:      waiting for the token to expire...");
await Task.Delay(tokenLifetime + TimeSpan.FromSeconds(1));
var before = calls.Count;
var burst = Enumerable.Range(1, 5).Select(i => chatClient.SendMessageAsync("livestream", "launch", $"after expiry #{i}")).ToArray();
await Task.WhenAll(burst);
Console.WriteLine($"expiry:      {burst.Length} requests got code 40 and waited while the client called your endpoint {calls.Count - before} time(s); all {burst.Length} resumed");

// A guest: the chat server itself creates the user and issues its token.
await using var guest = new ChatClient(config, TokenProvider.Guest("visitor-ann", name: "Ann"));
var guestUser = await guest.ConnectAsync();
await guest.SendMessageAsync("livestream", "launch", "Hi, I am a guest");
Console.WriteLine($"guest:       {guestUser.Id} (role {guestUser.Role}) posted to livestream:launch");

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
