using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using StreamChat.Packaging.Tests.Infrastructure;
using StreamChat.Tests.Shared;

namespace StreamChat.Unity.Tests;

/// <summary>
/// Issue 19: the netstandard2.0 build as a .NET Framework / Mono user meets it. An SDK-style net472 console at C# 9, with
/// one positional claims record and no IsExternalInit of its own, is built with the .NET SDK against the packed nupkg
/// (it failed with CS1069 on HttpClient in the generated FromEndpoint) and runs on Mono, Unity's runtime: it connects to
/// a dev server this test runs, sends and receives, and 50 requests on an expired token cost one provider call.
/// </summary>
public sealed class MonoConsumerTests
{
    private const string Program = """
        using System;
        using System.Linq;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        using StreamChat;
        using StreamChat.Claims;
        using StreamChat.Jwt;

        // args: the dev server's base URL, API key and API secret.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var key = new JwtSigningKey(args[2]);
        var claims = new MonoClaims("mono-user", 3);
        var lifetime = TimeSpan.FromSeconds(2);
        var calls = 0;
        var storming = 0;

        // Tokens fetched before the storm expire soon, so that the storm meets code 40; the one it fetches lasts.
        var provider = MonoClaimsTokenProvider.Closure(_ =>
        {
            Interlocked.Increment(ref calls);
            return Task.FromResult(claims.Sign(key, Volatile.Read(ref storming) == 0 ? lifetime : TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        });

        // Compiles only when the package brings System.Net.Http to a .NET Framework project.
        Func<TokenProvider> fromEndpoint = () => MonoClaimsTokenProvider.FromEndpoint(new HttpClient(), new Uri("https://backend.invalid/chat/token"));

        var received = new TaskCompletionSource<ChatMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = timeout.Token.Register(() => received.TrySetCanceled());
        var config = new ChatClientConfig(args[1]) { BaseUrl = new Uri(args[0]) };
        await using var client = new ChatClient(config, provider);
        client.MessageReceived += (_, e) => received.TrySetResult(e.Message);

        var me = await client.ConnectAsync(timeout.Token);
        await client.QueryChannelAsync("messaging", "mono", true, timeout.Token);
        var sent = await client.SendMessageAsync("messaging", "mono", "hello from mono", timeout.Token);
        var message = await received.Task;
        Console.WriteLine($"connected: {me.Id}");
        Console.WriteLine($"received: {message.Text} from {message.User?.Id}, the message sent: {message.Id == sent.Id}");
        Console.WriteLine($"level: {MonoClaims.FromToken(claims.Sign(key, lifetime, DateTimeOffset.UtcNow)).Level}");

        await Task.Delay(lifetime + TimeSpan.FromSeconds(1.5), timeout.Token);
        Volatile.Write(ref storming, 1);
        var before = Volatile.Read(ref calls);
        var storm = Enumerable.Range(0, 50).Select(_ => client.QueryChannelAsync("messaging", "mono", false, timeout.Token)).ToArray();
        await Task.WhenAll(storm);
        Console.WriteLine($"storm: {storm.Length} requests, provider calls: {Volatile.Read(ref calls) - before}");
        Console.WriteLine($"runtime: {(Type.GetType("Mono.Runtime") is null ? "not Mono" : "Mono")}, endpoint overload: {fromEndpoint.Method.Name.Length > 0}");
        return 0;

        [TokenClaims]
        public partial record MonoClaims(string UserId, int Level);
        """;

    [Test]
    public async Task A_net472_consumer_builds_from_the_packed_nupkg_and_runs_on_Mono()
    {
        var mono = Mono();
        Assert.That(mono, Is.Not.Null, "mono is not on the PATH; building tests/StreamChat.Unity.Tests installs mono-complete when it runs as root on Debian (see install-mono.sh).");
        var consumer = ConsumerProject.Create(
            PackedClient.Packages,
            new[] { ("Program.cs", Program) },
            properties: "    <TargetFramework>net472</TargetFramework>\n    <LangVersion>9.0</LangVersion>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n    <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>",
            packages: new[] { (PackedPackages.ClientId, PackedClient.Packages.Version), ("Microsoft.NETFramework.ReferenceAssemblies", Pin("Microsoft.NETFramework.ReferenceAssemblies")) });

        var build = await consumer.BuildAsync("Release");
        Assert.That(build.ExitCode, Is.Zero, build.ToString);

        await using var server = await DevServer.DevServer.StartAsync();
        var run = await DotnetCli.RunProgramAsync(
            mono!, consumer.Directory, new Dictionary<string, string>(),
            Path.Combine(consumer.Directory, "bin", "Release", "net472", "Consumer.exe"), server.BaseUrl.ToString(), server.ApiKey, server.ApiSecret);

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Output, Does.Contain("connected: mono-user"), run.ToString);
        Assert.That(run.Output, Does.Contain("received: hello from mono from mono-user, the message sent: True"), run.ToString);
        Assert.That(run.Output, Does.Contain("level: 3"), run.ToString);
        Assert.That(run.Output, Does.Contain("storm: 50 requests, provider calls: 1"), run.ToString);
        Assert.That(run.Output, Does.Contain("runtime: Mono, endpoint overload: True"), run.ToString);
        Assert.That(server.Stats.RejectedWithCode(StreamErrorCode.TokenExpired), Is.GreaterThanOrEqualTo(50), "the storm met the expired token");
    }

    private static string? Mono() =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(directory => Path.Combine(directory, "mono"))
            .FirstOrDefault(File.Exists);

    private static string Pin(string id) =>
        XDocument.Load(Path.Combine(RepositoryFiles.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .Single(e => (string?)e.Attribute("Include") == id).Attribute("Version")!.Value;
}
