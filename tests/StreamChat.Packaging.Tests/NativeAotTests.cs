using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// StreamChat.Client is NativeAOT-safe as a user meets it: a fresh console with a claims record, referencing the packed
/// package, is published with PublishAot=true (trim and AOT warnings are errors, one per call site) and the native binary
/// signs a token, parses it, connects to a dev server this test runs, and sends and receives a message.
/// </summary>
public sealed class NativeAotTests
{
    // Exercises the generated codec (an enum, a list), the HS256 signer, the client's REST and WebSocket paths and JSON.
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using StreamChat;
        using StreamChat.Claims;
        using StreamChat.Jwt;

        // args: the dev server's base URL, API key and API secret.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var key = new JwtSigningKey(args[2]);
        var claims = new AotClaims("aot-user", AotRole.Moderator) { Teams = new[] { "core", "web" } };

        var token = Token.Parse(claims.Sign(key, TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow).RawValue);
        var read = AotClaims.FromToken(token);
        if (read.UserId != claims.UserId || read.Role != claims.Role || !read.Teams!.SequenceEqual(claims.Teams!))
        {
            Console.Error.WriteLine("the claims read back differ from the claims signed");
            return 1;
        }

        Console.WriteLine($"parsed: {read.UserId} {read.Role} {string.Join(",", read.Teams!)}");

        var received = new TaskCompletionSource<ChatMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var config = new ChatClientConfig(args[1]) { BaseUrl = new Uri(args[0]) };
        await using var client = new ChatClient(config, AotClaimsTokenProvider.Signed(claims, key, TimeSpan.FromMinutes(10)));
        client.MessageReceived += (_, e) => received.TrySetResult(e.Message);

        var me = await client.ConnectAsync(timeout.Token);
        await client.QueryChannelAsync("messaging", "native-aot", watch: true, timeout.Token);
        var sent = await client.SendMessageAsync("messaging", "native-aot", "hello from native code", timeout.Token);
        var message = await received.Task.WaitAsync(timeout.Token);

        Console.WriteLine($"connected: {me.Id}");
        Console.WriteLine($"received: {message.Text} from {message.User?.Id}, the message sent: {message.Id == sent.Id}");
        Console.WriteLine($"dynamic code: {RuntimeFeature.IsDynamicCodeSupported}");
        return 0;

        [TokenClaims]
        public partial record AotClaims(string UserId, AotRole Role)
        {
            public IReadOnlyList<string>? Teams { get; init; }
        }

        public enum AotRole { Member, Moderator }
        """;

    // TrimmerSingleWarn=false: a warning per call site, not one per assembly; every IL2xxx/IL3xxx is then an error.
    private const string Properties = """
            <PublishAot>true</PublishAot>
            <TrimmerSingleWarn>false</TrimmerSingleWarn>
            <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
            <WarningsNotAsErrors>NU1603</WarningsNotAsErrors>
        """;

    [Test]
    public async Task Published_with_PublishAot_the_consumer_signs_parses_connects_sends_and_receives_with_no_trim_or_AOT_warning()
    {
        var missing = NativeAotPrerequisites.Missing();
        Assert.That(missing, Is.Empty, "NativeAOT cannot publish here; missing: " + string.Join("; ", missing)
            + ". Building tests/StreamChat.Packaging.Tests installs clang and zlib1g-dev when it runs as root on Debian.");
        var consumer = ConsumerProject.Create(PackagingFixture.Packages, new[] { ("Program.cs", Program) }, Properties);

        var publish = await consumer.PublishAsync(NativeAotPrerequisites.RuntimeIdentifier);

        Assert.That(publish.ExitCode, Is.Zero, publish.ToString);
        Assert.That(publish.Output, Does.Contain("Generating native code"), publish.ToString);
        Assert.That(BuildWarnings.Any(publish), Is.False, publish.ToString);
        Assert.That(File.Exists(Path.Combine(consumer.PublishDirectory, "Consumer.dll")), Is.False, "a NativeAOT publish leaves no IL assembly");

        await using var server = await DevServer.DevServer.StartAsync();
        var run = await DotnetCli.RunProgramAsync(
            Path.Combine(consumer.PublishDirectory, "Consumer"), consumer.Directory, new Dictionary<string, string>(),
            server.BaseUrl.ToString(), server.ApiKey, server.ApiSecret);

        Assert.That(run.ExitCode, Is.Zero, run.ToString);
        Assert.That(run.Output, Does.Contain("parsed: aot-user Moderator core,web"), run.ToString);
        Assert.That(run.Output, Does.Contain("connected: aot-user"), run.ToString);
        Assert.That(run.Output, Does.Contain("received: hello from native code from aot-user, the message sent: True"), run.ToString);
        Assert.That(run.Output, Does.Contain("dynamic code: False"), run.ToString);
        Assert.That(server.Stats.WebSocketConnects, Is.EqualTo(1));
    }
}
