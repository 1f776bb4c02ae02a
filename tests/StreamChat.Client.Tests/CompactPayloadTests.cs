using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using StreamChat.Jwt;

namespace StreamChat.Client.Tests;

/// <summary>
/// The compact fast path of the payload reader against the full JSON reader: whatever the fast path reads, the full reader
/// reads the same way; whatever it cannot vouch for, it leaves alone.
/// </summary>
public class CompactPayloadTests
{
    private static readonly string[] Names = ["user_id", "exp", "iat", "nbf", "server", "role", "user\\u005fid", "e\"x", ""];

    private static readonly string[] Values =
    [
        "\"john\"", "\"\"", "\"üñî 用户\"", "\"a\\\"b\"", "\"tab\there\"", "1893456000", "-1", "0", "01", "-0", "1.5", "1e3", "2E2",
        "253402300799", "253402300800", "-62135596800", "-62135596801", "1234567890123456789", "true", "false", "null", "{}",
        "[1]", "tru", "\"open", "-",
    ];

    private const string Breakers = "{}[]\":,\\ 0a-.e\u0001";

    [Test]
    public void Every_payload_the_fast_path_reads_reads_the_same_with_the_json_reader()
    {
        var random = new Random(20240613);
        int fast = 0, refused = 0;
        foreach (var payload in Payloads(random).Take(20_000))
        {
            var compact = default(PayloadClaims);
            var problem = PayloadClaims.ReadWithJsonReader(payload, out var full);
            // The fast path runs after the UTF-8 check, as PayloadClaims.Read does.
            if (!System.Text.Unicode.Utf8.IsValid(payload) || !CompactPayload.TryRead(payload, ref compact))
            {
                refused++;
                continue;
            }

            fast++;
            Assert.That(problem, Is.EqualTo(PayloadProblem.None), Encoding.UTF8.GetString(payload));
            Assert.That(Describe(compact), Is.EqualTo(Describe(full)), Encoding.UTF8.GetString(payload));
        }

        Assert.Multiple(() =>
        {
            Assert.That(fast, Is.GreaterThan(2_000), "the fast path must read the common shapes");
            Assert.That(refused, Is.GreaterThan(2_000), "the corpus must hold shapes the fast path leaves to the full reader");
        });
    }

    [TestCase("""{"user_id":"john","iat":1893456000,"exp":1893459600}""")]
    [TestCase("""{"server":true}""")]
    [TestCase("""{}""")]
    [TestCase("""{"user_id":"üñî \"q\" 用户","role":"admin","teams":["a","b"]}""")]
    public void Issued_payloads_read_the_same_both_ways(string json)
    {
        var payload = Encoding.UTF8.GetBytes(json);
        var viaFastPath = PayloadClaims.Read(payload, out var claims);
        var viaReader = PayloadClaims.ReadWithJsonReader(payload, out var full);

        Assert.Multiple(() =>
        {
            Assert.That(viaFastPath, Is.EqualTo(PayloadProblem.None));
            Assert.That(viaReader, Is.EqualTo(PayloadProblem.None));
            Assert.That(Describe(claims), Is.EqualTo(Describe(full)));
        });
    }

    private static IEnumerable<byte[]> Payloads(Random random)
    {
        while (true)
        {
            var properties = Enumerable.Range(0, random.Next(0, 6))
                .Select(_ => $"\"{Names[random.Next(Names.Length)]}\":{Values[random.Next(Values.Length)]}");
            var separator = random.Next(8) == 0 ? ", " : ",";
            var json = "{" + string.Join(separator, properties) + "}";
            if (random.Next(10) == 0)
            {
                json = random.Next(2) == 0 ? " " + json : json + " x";
            }

            var bytes = Encoding.UTF8.GetBytes(json);
            yield return bytes;
            if (bytes.Length > 0)
            {
                // The same payload with one byte changed: broken syntax the fast path must leave alone.
                var mutated = (byte[])bytes.Clone();
                mutated[random.Next(mutated.Length)] = (byte)Breakers[random.Next(Breakers.Length)];
                yield return mutated;
            }
        }
    }

    private static string Describe(PayloadClaims claims) =>
        $"user_id={claims.UserId ?? "-"} exp={claims.ExpiresAt} iat={claims.IssuedAt} nbf={claims.NotBefore} server={claims.ServerCount}/{claims.ServerIsTrue}";
}
