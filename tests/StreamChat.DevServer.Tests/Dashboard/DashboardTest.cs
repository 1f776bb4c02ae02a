using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>Base for the dashboard's HTTP tests: a server per test and a client that speaks to the dashboard as its page does.</summary>
public abstract class DashboardTest : DevServerTest
{
    internal DashboardHttp Dashboard { get; private set; } = null!;

    [SetUp]
    public void StartDashboardClient() => Dashboard = new DashboardHttp(Server);

    [TearDown]
    public void StopDashboardClient() => Dashboard.Dispose();

    /// <summary>Sends a dashboard call and reads its JSON answer, asserting the status.</summary>
    internal async Task<JsonObject> CallAsync(HttpMethod method, string path, string? body, string? cookie, HttpStatusCode expected)
    {
        using var response = await Dashboard.SendAsync(method, path, body, cookie);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), text);
        return JsonNode.Parse(text)!.AsObject();
    }
}
