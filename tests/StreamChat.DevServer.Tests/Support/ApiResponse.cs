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
        Assert.That(Status, Is.EqualTo(status), Body.ToJsonString());
        ProtocolErrors.AssertBody(Body, code, (int)status);
    }
}
