using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;

namespace StreamChat.DevServer.Tests.Dashboard;

/// <summary>Every dashboard call that reads a body answers malformed input with a 4xx, never a 5xx, and the server serves on.</summary>
public sealed class DashboardHostileInputTests : DashboardTest
{
    private static readonly string[] Calls = ["/dashboard/login", "/dashboard/api/tokens", "/dashboard/api/revocation"];

    private static IEnumerable<(string Name, byte[] Body)> Bodies()
    {
        static byte[] Text(string text) => Encoding.UTF8.GetBytes(text);
        yield return ("invalid UTF-8", [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return ("invalid UTF-8 in a value", [.. Text("{\"user_id\":\""), 0xFF, 0xFE, .. Text("\"}")]);
        yield return ("lone surrogate escape", Text("{\"user_id\":\"\\ud800\"}"));
        yield return ("duplicate property", Text("{\"user_id\":\"a\",\"user_id\":\"b\"}"));
        yield return ("nested 40 deep", Text(string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40)));
        yield return ("truncated", Text("{\"user_id\":"));
        yield return ("an array", Text("[]"));
        yield return ("null", Text("null"));
        yield return ("a number where text goes", Text("{\"user_id\":1,\"secret\":2,\"revoked\":3,\"claims\":4,\"expires_in\":5}"));
        yield return ("an object where text goes", Text("{\"user_id\":{},\"secret\":[],\"revoked\":{},\"claims\":{},\"expires_unit\":[]}"));
        yield return ("control characters", Text("{\"user_id\":\"a\\u0000b\",\"claims\":\"{\\\"\\u0000\\\":1}\"}"));
        yield return ("larger than the body limit", Text("{\"user_id\":\"" + new string('x', 70 * 1024) + "\"}"));
    }

    [Test]
    public async Task Malformed_bodies_get_a_4xx_and_never_a_5xx()
    {
        var cookie = await Dashboard.SignInAsync();
        var answers = new List<string>();
        foreach (var call in Calls)
        {
            foreach (var (name, body) in Bodies())
            {
                using var request = new ByteArrayContent(body);
                request.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
                try
                {
                    using var response = await Dashboard.SendRawAsync(call, request, cookie);
                    answers.Add($"{call} {name}: {(int)response.StatusCode}");
                }
                catch (HttpRequestException e)
                {
                    answers.Add($"{call} {name}: {e.Message}");
                }
            }
        }

        using var after = await Dashboard.SendAsync(HttpMethod.Get, "/dashboard/api/app", cookie: cookie);
        Assert.Multiple(() =>
        {
            Assert.That(answers, Has.All.Matches<string>(answer => answer!.EndsWith(": 400", System.StringComparison.Ordinal)
                || answer.EndsWith(": 401", System.StringComparison.Ordinal) || answer.EndsWith(": 413", System.StringComparison.Ordinal)));
            Assert.That(Server.Stats.ServerErrors, Is.Zero);
            Assert.That((int)after.StatusCode, Is.EqualTo(200));
        });
    }
}
