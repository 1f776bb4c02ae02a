using System;
using StreamChat;
using StreamChat.Server;

// Until the chat client and the dev server land, the quickstart shows the token core:
// issue a user token on "the server", then read it on "the client".
var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
using var issuer = new UserTokenIssuer(secret);
var raw = issuer.CreateUserToken("john-doe", TimeSpan.FromHours(1));

var token = Token.Parse(raw);
Console.WriteLine($"issued:      {token}");

var validator = new TokenValidator(secret);
var verdict = await validator.ValidateAsync(raw);
Console.WriteLine($"validated:   {verdict}");

var development = Token.Development("john-doe");
Console.WriteLine($"development: {development}");

var provider = TokenProvider.Closure(_ => System.Threading.Tasks.Task.FromResult(Token.Parse(issuer.CreateUserToken("john-doe", TimeSpan.FromHours(1)))));
var client = new ChatClient(new ChatClientConfig("demo-api-key"), provider);
Console.WriteLine($"client:      {client.Config}, provider kind {client.TokenProvider.Kind}");
