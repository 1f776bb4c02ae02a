using System.Text.Json.Nodes;

namespace StreamChat.DevServer.Tests.Support;

/// <summary>Asserts the protocol's error body: <c>{"code","message","StatusCode","duration","more_info"}</c>, no stack trace.</summary>
internal static class ProtocolErrors
{
    public static void AssertBody(JsonObject? body, StreamErrorCode code, int status)
    {
        var text = body?.ToJsonString() ?? "(no body)";
        Assert.Multiple(() =>
        {
            Assert.That(body?["code"]?.GetValue<int>(), Is.EqualTo((int)code), text);
            Assert.That(body?["StatusCode"]?.GetValue<int>(), Is.EqualTo(status), text);
            Assert.That(body?["message"]?.GetValue<string>(), Is.Not.Empty, text);
            Assert.That(body?["duration"]?.GetValue<string>(), Does.EndWith("ms"), text);
            Assert.That(body?["more_info"]?.GetValue<string>(), Does.StartWith("https://"), text);
            Assert.That(text, Does.Not.Contain("   at ").And.Not.Contain("Exception"));
        });
    }
}
