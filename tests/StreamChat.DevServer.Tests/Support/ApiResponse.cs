using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>A REST response: status, parsed JSON body and the raw response for headers.</summary>
internal sealed record ApiResponse(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Raw)
{
    public int? Code => Body["code"]?.GetValue<int>();

    /// <summary>Asserts the protocol's error body: code, HTTP status, and every field present.</summary>
    public void AssertError(StreamErrorCode code, HttpStatusCode status)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Status, Is.EqualTo(status), Body.ToJsonString());
            Assert.That(Body["code"]?.GetValue<int>(), Is.EqualTo((int)code), Body.ToJsonString());
            Assert.That(Body["StatusCode"]?.GetValue<int>(), Is.EqualTo((int)status));
            Assert.That(Body["message"]?.GetValue<string>(), Is.Not.Empty);
            Assert.That(Body["duration"]?.GetValue<string>(), Does.EndWith("ms"));
            Assert.That(Body["more_info"]?.GetValue<string>(), Does.StartWith("https://"));
            Assert.That(Body.ToJsonString(), Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        });
    }
}
