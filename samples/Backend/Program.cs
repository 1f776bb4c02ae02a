using Backend;

// Standalone: point it at a chat server (the dev server prints its URL, key and secret), e.g.
//   Chat__BaseUrl=http://127.0.0.1:4100/ Chat__ApiKey=my-key Chat__ApiSecret=<secret> \
//     dotnet run --project samples/Backend -- --urls http://127.0.0.1:5080
var app = BackendApp.Build(args);
await app.RunAsync();
