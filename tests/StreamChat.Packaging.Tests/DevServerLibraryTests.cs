using System;
using System.Linq;
using System.Threading.Tasks;
using StreamChat.Packaging.Tests.Infrastructure;

namespace StreamChat.Packaging.Tests;

/// <summary>
/// The dev server is a library package a user's own tests reference (a tool package would fail with NU1212): a fresh
/// NUnit project restores StreamChat.DevServer from the local feed, and <c>dotnet test</c> runs a test against
/// <c>DevServer.StartAsync</c> that connects a client and sends a message.
/// </summary>
public sealed class DevServerLibraryTests
{
    private const string Test = """
        using System.Threading.Tasks;
        using NUnit.Framework;
        using StreamChat;
        using StreamChat.DevServer;
        using StreamChat.Server;

        public sealed class MyChatTests
        {
            [Test]
            public async Task My_code_talks_to_an_embedded_dev_server()
            {
                await using var server = await DevServer.StartAsync();
                using var issuer = new UserTokenIssuer(server.ApiSecret);
                var token = Token.Parse(issuer.CreateUserToken("packaged-user", System.TimeSpan.FromMinutes(5)));
                await using var client = new ChatClient(new ChatClientConfig(server.ApiKey) { BaseUrl = server.BaseUrl }, TokenProvider.Closure(_ => Task.FromResult(token)));

                var me = await client.ConnectAsync();
                await client.QueryChannelAsync("messaging", "packaged");
                await client.SendMessageAsync("messaging", "packaged", "hello from a packaged dev server");

                Assert.That(me.Id, Is.EqualTo("packaged-user"));
                Assert.That(server.Stats.RestRequests, Is.EqualTo(2));
                TestContext.Out.WriteLine("embedded dev server answered at " + server.BaseUrl);
            }
        }
        """;

    [Test]
    public async Task A_fresh_NUnit_project_references_the_packed_dev_server_library_and_its_test_passes()
    {
        var package = PackagingFixture.Packages;
        var consumer = ConsumerProject.Create(
            package,
            new[] { ("MyChatTests.cs", Test) },
            "<IsTestProject>true</IsTestProject>",
            new[] { ("StreamChat.DevServer", package.Version), ("StreamChat.Client", package.Version) }.Concat(ConsumerProject.TestFrameworkPackages()));

        var test = await consumer.TestAsync();

        Assert.That(test.ExitCode, Is.Zero, test.ToString);
        Assert.That(test.Output, Does.Contain("Passed My_code_talks_to_an_embedded_dev_server"), test.ToString);
        Assert.That(test.Output, Does.Not.Contain("NU1212"), test.ToString);
    }
}
