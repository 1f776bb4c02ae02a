using System.Net;
using System.Threading.Tasks;
using StreamChat.DevServer.Tests.Support;

namespace StreamChat.DevServer.Tests.Hostile;

/// <summary>
/// The hostile REST corpus: every malformed request gets a 4xx with the protocol's error body and the expected code (or
/// Kestrel's own 4xx where it answers before the app), the server never answers 5xx, and it serves a normal request after.
/// </summary>
public sealed class HostileRequestTests : DevServerTest
{
    private const int MaxMessageLength = 200;

    [SetUp]
    public async Task CreateStateAsync()
    {
        await CreateChannelAsync("messaging", "general");
        await CreateChannelAsync("livestream", "show");
        var alice = await Api.PostAsync("/users", """{"users":{"alice":{"id":"alice"}}}""", ServerToken());
        Assert.That(alice.Status, Is.EqualTo(HttpStatusCode.Created), alice.Body.ToJsonString());
    }

    [TestCaseSource(typeof(HostileCorpus), nameof(HostileCorpus.All))]
    public async Task Malformed_request_gets_a_4xx_protocol_error_and_the_server_serves_on(HostileCase hostile)
    {
        await AssertAnsweredAsync(hostile);
        await AssertStillServingAsync();
    }

    [Test]
    public async Task Whole_corpus_against_one_server_leaves_it_serving_with_no_5xx()
    {
        var count = 0;
        foreach (var hostile in HostileCorpus.All)
        {
            await AssertAnsweredAsync(hostile);
            count++;
        }

        Assert.That(count, Is.GreaterThanOrEqualTo(100), "the issue asks for at least 100 malformed requests");
        await AssertStillServingAsync();
    }

    private async Task AssertAnsweredAsync(HostileCase hostile)
    {
        var request = hostile.ToBytes(Server.ApiKey, UserToken("alice"), ServerToken());
        var response = await RawHttp.SendAsync(Server, request);
        Assert.That(response.Status, Is.EqualTo(hostile.Status), $"{hostile.Name}: {System.Text.Encoding.UTF8.GetString(response.Body)}");
        if (hostile.Code is { } code)
        {
            ProtocolErrors.AssertBody(response.Json, code, hostile.Status);
            Assert.That(response.Json?["message"]?.GetValue<string>(), Has.Length.LessThanOrEqualTo(MaxMessageLength), "an error message quotes little of the request");
        }
    }

    private async Task AssertStillServingAsync()
    {
        var normal = await Api.PostAsync("/channels/messaging/general/query", "{}", UserToken("alice"));
        Assert.Multiple(() =>
        {
            Assert.That(normal.Status, Is.EqualTo(HttpStatusCode.OK), normal.Body.ToJsonString());
            Assert.That(Server.Stats.ServerErrors, Is.Zero, "no 5xx answer");
        });
    }
}
