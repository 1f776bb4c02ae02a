using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using StreamChat.Server;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>Base for tests: a fresh dev server per test on a free loopback port, with a controllable clock.</summary>
public abstract class DevServerTest
{
    protected static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    internal DevServer Server { get; private set; } = null!;

    internal FakeTimeProvider Clock { get; private set; } = null!;

    internal ApiClient Api { get; private set; } = null!;

    internal UserTokenIssuer Issuer { get; private set; } = null!;

    protected virtual bool DisableAuthChecks => false;

    [SetUp]
    public async Task StartServerAsync()
    {
        Clock = new FakeTimeProvider(Start);
        var options = new DevServerOptions { TimeProvider = Clock, DisableAuthChecks = DisableAuthChecks, MaxRequestBodyBytes = 64 * 1024 };
        Configure(options);
        Server = await DevServer.StartAsync(options);
        Api = new ApiClient(Server);
        Issuer = new UserTokenIssuer(Server.ApiSecret, Clock);
    }

    [TearDown]
    public async Task StopServerAsync()
    {
        Api.Dispose();
        Issuer.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>Adjusts the options of the server each test starts (caps, CORS).</summary>
    protected virtual void Configure(DevServerOptions options)
    {
    }

    internal string UserToken(string userId) => Issuer.CreateUserToken(userId);

    internal string ServerToken() => Issuer.CreateServerToken();

    /// <summary>Creates a channel server-side, as a backend would.</summary>
    internal async Task CreateChannelAsync(string type, string id, string createdBy = "owner")
    {
        var response = await Api.PostAsync($"/channels/{type}/{id}/query", $$$"""{"data":{"created_by_id":"{{{createdBy}}}"}}""", ServerToken());
        Assert.That(response.Status, Is.EqualTo(System.Net.HttpStatusCode.OK), response.Body.ToJsonString());
    }
}
